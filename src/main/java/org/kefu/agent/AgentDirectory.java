package org.kefu.agent;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.Role;
import org.kefu.platform.reference.ReferenceCache;
import org.kefu.platform.reference.ReferenceData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts, departments and teams: who works where. Changes are admin work and audited. */
@Service
@Transactional
public class AgentDirectory {

    private final Agents agents;
    private final Departments departments;
    private final Teams teams;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReferenceCache<Long> defaultDepartmentId;
    private final ReferenceCache<List<AgentName>> names;

    AgentDirectory(Agents agents, Departments departments, Teams teams, PasswordEncoder passwords,
            ApplicationEventPublisher events, Clock clock, ReferenceData references) {
        this.agents = agents;
        this.departments = departments;
        this.teams = teams;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.defaultDepartmentId = references.cache("agent.default-department", () -> defaultDepartment().getId());
        this.names = references.cache("agent.names",
                () -> agents.findAllByOrderByDisplayNameAscIdAsc().stream().map(AgentName::of).toList());
    }

    public Agent create(NewAgent command, Long actorId) {
        Instant now = clock.instant();
        String email = command.email().strip().toLowerCase(Locale.ROOT);
        if (agents.findByEmail(email).isPresent()) {
            throw new ConflictException("An agent with the email " + email + " already exists.");
        }
        Agent agent = new Agent(email, command.displayName().strip(), command.role(),
                command.maxLoad() == null ? 10 : command.maxLoad(),
                command.locale() == null ? "zh-CN" : command.locale(),
                zone(command.timeZone() == null ? "Asia/Shanghai" : command.timeZone()), now);
        if (command.password() != null) {
            agent.setPasswordHash(passwords.encode(command.password()), now);
        }
        agent.placeIn(departments(command.departmentIds()), teams(command.teamIds()), now);
        agent.replaceSkills(command.skills(), now);
        Agent saved = agents.save(agent);
        names.changed();
        events.publishEvent(new AgentEvents.AgentCreated(saved.getId(), saved.getEmail(), saved.getRole(), actorId));
        return saved;
    }

    public Agent update(long id, AgentChanges changes, Actor actor) {
        Instant now = clock.instant();
        Agent agent = get(id);
        if (changes.displayName() != null || changes.maxLoad() != null || changes.locale() != null || changes.timeZone() != null) {
            agent.describe(
                    changes.displayName() == null ? agent.getDisplayName() : changes.displayName().strip(),
                    changes.maxLoad() == null ? agent.getMaxLoad() : changes.maxLoad(),
                    changes.locale() == null ? agent.getLocale() : changes.locale(),
                    changes.timeZone() == null ? agent.getTimeZone() : zone(changes.timeZone()), now);
        }
        if (changes.role() != null && changes.role() != agent.getRole()) {
            if (agent.getId() == actor.id() && changes.role() != Role.ADMIN) {
                throw new ConflictException("You cannot take the admin role from yourself; ask another admin.");
            }
            Role from = agent.getRole();
            agent.changeRole(changes.role(), now);
            events.publishEvent(new AgentEvents.AgentRoleChanged(id, agent.getEmail(), from, changes.role(), actor.id()));
        }
        if (changes.departmentIds() != null || changes.teamIds() != null) {
            agent.placeIn(
                    changes.departmentIds() == null ? agent.getDepartments() : departments(changes.departmentIds()),
                    changes.teamIds() == null ? agent.getTeams() : teams(changes.teamIds()), now);
            Actor placed = agent.toActor();
            events.publishEvent(new AgentEvents.AgentPlacementChanged(id, agent.getEmail(), placed.departmentIds(),
                    placed.teamIds(), actor.id()));
        }
        if (changes.skills() != null) {
            agent.replaceSkills(changes.skills(), now);
        }
        if (changes.password() != null) {
            agent.setPasswordHash(passwords.encode(changes.password()), now);
        }
        if (changes.active() != null && changes.active() != agent.isActive()) {
            if (!changes.active()) {
                if (agent.getId() == actor.id()) {
                    throw new ConflictException("You cannot deactivate your own account.");
                }
                agent.deactivate(now);
                events.publishEvent(new AgentEvents.AgentDeactivated(id, agent.getEmail(), actor.id()));
            } else {
                agent.reactivate(now);
            }
        }
        names.changed(); // display name or active may have changed
        return agent;
    }

    /**
     * An agent changes their own password; the current one must be given. Returns false (and
     * changes nothing) when it is wrong.
     */
    public boolean changeOwnPassword(long agentId, String currentPassword, String newPassword) {
        Agent agent = get(agentId);
        if (agent.getPasswordHash() == null || !passwords.matches(currentPassword, agent.getPasswordHash())) {
            return false;
        }
        agent.setPasswordHash(passwords.encode(newPassword), clock.instant());
        events.publishEvent(new AgentEvents.PasswordChanged(agentId));
        return true;
    }

    public Agent changePresence(long id, Presence presence) {
        Agent agent = get(id);
        Presence from = agent.getPresence();
        agent.changePresence(presence, clock.instant());
        if (from != presence) {
            events.publishEvent(new AgentEvents.PresenceChanged(id, from, presence));
        }
        return agent;
    }

    @Transactional(readOnly = true)
    public Agent get(long id) {
        return agents.findById(id).orElseThrow(() -> new NotFoundException("Agent", id));
    }

    @Transactional(readOnly = true)
    public List<Agent> agents() {
        return agents.findAllByOrderByDisplayNameAscIdAsc();
    }

    /**
     * Every agent's id, display name and whether active, in display-name order, cached on each node: the workspace,
     * ticket and chat pages name assignees and offer agents on every request, and need nothing else of the accounts.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public List<AgentName> names() {
        return names.get();
    }

    /**
     * Active agents who are available right now in the department (and in the team, when one is given): the
     * ones a waiting chat can be offered to. One query, whatever the number of agents.
     */
    @Transactional(readOnly = true)
    public List<Agent> availableIn(long departmentId, Long teamId) {
        return teamId == null
                ? agents.findByPresenceInDepartment(Presence.AVAILABLE, departmentId)
                : agents.findByPresenceInTeam(Presence.AVAILABLE, departmentId, teamId);
    }

    @Transactional(readOnly = true)
    public List<Department> departments() {
        return departments.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public Department department(long id) {
        return departments.findById(id).orElseThrow(() -> new NotFoundException("Department", id));
    }

    @Transactional(readOnly = true)
    public Department defaultDepartment() {
        return departments.findFirstByDefaultDepartmentTrue()
                .or(() -> departments.findAllByOrderByNameAsc().stream().findFirst())
                .orElseThrow(() -> new ConflictException("No department exists yet; create one first."));
    }

    /** The id of {@link #defaultDepartment()}, cached on each node (new tickets without a placement go there). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public long defaultDepartmentId() {
        return defaultDepartmentId.get();
    }

    public Department createDepartment(String code, String name, boolean makeDefault) {
        String normalised = code.strip().toLowerCase(Locale.ROOT);
        if (departments.findByCode(normalised).isPresent()) {
            throw new ConflictException("A department with the code " + normalised + " already exists.");
        }
        if (makeDefault) {
            departments.findAll().forEach(d -> d.markDefault(false));
        }
        Department created = departments.save(new Department(normalised, name.strip(), makeDefault, clock.instant()));
        defaultDepartmentId.changed(); // also without makeDefault: with no default department the first by name is it
        return created;
    }

    public Department updateDepartment(long id, String name, Boolean makeDefault) {
        Department department = department(id);
        if (name != null) {
            department.rename(name.strip());
        }
        if (Boolean.TRUE.equals(makeDefault)) {
            departments.findAll().forEach(d -> d.markDefault(d.getId().equals(id)));
        }
        defaultDepartmentId.changed();
        return department;
    }

    @Transactional(readOnly = true)
    public List<Team> teams() {
        return teams.findAllByOrderByNameAsc();
    }

    @Transactional(readOnly = true)
    public Team team(long id) {
        return teams.findById(id).orElseThrow(() -> new NotFoundException("Team", id));
    }

    public Team createTeam(String name, long departmentId) {
        Department department = departments.findById(departmentId)
                .orElseThrow(() -> InvalidRequestException.of("departmentId", "no department " + departmentId));
        return teams.save(new Team(name.strip(), department, clock.instant()));
    }

    public Team renameTeam(long id, String name) {
        Team team = team(id);
        team.rename(name.strip());
        return team;
    }

    private Set<Department> departments(List<Long> ids) {
        List<Department> found = departments.findAllById(ids);
        requireAll("departmentIds", ids, found.stream().map(Department::getId).toList());
        return new LinkedHashSet<>(found);
    }

    private Set<Team> teams(List<Long> ids) {
        List<Team> found = teams.findAllById(ids);
        requireAll("teamIds", ids, found.stream().map(Team::getId).toList());
        return new LinkedHashSet<>(found);
    }

    private static void requireAll(String field, List<Long> wanted, List<Long> found) {
        List<Long> missing = new ArrayList<>(new LinkedHashSet<>(wanted));
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldProblem(field, "unknown ids " + missing)));
        }
    }

    private static String zone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw InvalidRequestException.of("timeZone", "'" + zone + "' is not a time zone such as Asia/Shanghai");
        }
    }
}
