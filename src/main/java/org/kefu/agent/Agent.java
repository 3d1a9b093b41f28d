package org.kefu.agent;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;

/** A person who works tickets: an agent, supervisor or admin. */
@Entity
@Table(name = "agent")
public class Agent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_seq")
    @SequenceGenerator(name = "agent_seq", sequenceName = "agent_seq", allocationSize = 50)
    Long id;

    @Column(nullable = false, unique = true)
    String email;

    @Column(name = "display_name", nullable = false)
    String displayName;

    @Column(name = "password_hash")
    String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Role role;

    @Column(name = "max_load", nullable = false)
    int maxLoad;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Presence presence = Presence.OFFLINE;

    @Column(name = "presence_changed_at")
    Instant presenceChangedAt;

    @Column(nullable = false)
    String locale;

    @Column(name = "time_zone", nullable = false)
    String timeZone;

    @Column(nullable = false)
    boolean active = true;

    @Column(name = "failed_sign_ins", nullable = false)
    int failedSignIns;

    @Column(name = "locked_until")
    Instant lockedUntil;

    @Column(name = "last_sign_in_at")
    Instant lastSignInAt;

    @ManyToMany
    @JoinTable(name = "agent_department", joinColumns = @JoinColumn(name = "agent_id"),
            inverseJoinColumns = @JoinColumn(name = "department_id"))
    Set<Department> departments = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "agent_team", joinColumns = @JoinColumn(name = "agent_id"),
            inverseJoinColumns = @JoinColumn(name = "team_id"))
    Set<Team> teams = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "agent_skill", joinColumns = @JoinColumn(name = "agent_id"))
    Set<Skill> skills = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected Agent() {
    }

    public Agent(String email, String displayName, Role role, int maxLoad, String locale, String timeZone, Instant now) {
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.maxLoad = maxLoad;
        this.locale = locale;
        this.timeZone = timeZone;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Actor toActor() {
        return new Actor(id, displayName, email, role,
                departments.stream().map(Department::getId).collect(Collectors.toUnmodifiableSet()),
                teams.stream().map(Team::getId).collect(Collectors.toUnmodifiableSet()));
    }

    void describe(String displayName, int maxLoad, String locale, String timeZone, Instant now) {
        this.displayName = displayName;
        this.maxLoad = maxLoad;
        this.locale = locale;
        this.timeZone = timeZone;
        this.updatedAt = now;
    }

    void changeRole(Role role, Instant now) {
        this.role = role;
        this.updatedAt = now;
    }

    void placeIn(Collection<Department> departments, Collection<Team> teams, Instant now) {
        this.departments.clear();
        this.departments.addAll(departments);
        this.teams.clear();
        this.teams.addAll(teams);
        this.updatedAt = now;
    }

    void replaceSkills(Collection<Skill> skills, Instant now) {
        this.skills.clear();
        this.skills.addAll(skills);
        this.updatedAt = now;
    }

    void changePresence(Presence presence, Instant now) {
        if (this.presence != presence) {
            this.presence = presence;
            this.presenceChangedAt = now;
            this.updatedAt = now;
        }
    }

    void setPasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    void deactivate(Instant now) {
        this.active = false;
        this.presence = Presence.OFFLINE;
        this.updatedAt = now;
    }

    void reactivate(Instant now) {
        this.active = true;
        this.updatedAt = now;
    }

    /** Counts a wrong password; after {@code maxAttempts} in a row the account is locked for {@code lockFor}. */
    boolean signInFailed(Instant now, int maxAttempts, java.time.Duration lockFor) {
        this.failedSignIns++;
        if (this.failedSignIns >= maxAttempts) {
            this.failedSignIns = 0;
            this.lockedUntil = now.plus(lockFor);
            return true;
        }
        return false;
    }

    void chooseLocale(String locale, Instant now) {
        this.locale = locale;
        this.updatedAt = now;
    }

    void signedIn(Instant now) {
        this.failedSignIns = 0;
        this.lockedUntil = null;
        this.lastSignInAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public int getMaxLoad() {
        return maxLoad;
    }

    public Presence getPresence() {
        return presence;
    }

    public Instant getPresenceChangedAt() {
        return presenceChangedAt;
    }

    public String getLocale() {
        return locale;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Set<Department> getDepartments() {
        return Set.copyOf(departments);
    }

    public Set<Team> getTeams() {
        return Set.copyOf(teams);
    }

    public Set<Skill> getSkills() {
        return Set.copyOf(skills);
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
