package org.kefu.escalation;

import java.time.Clock;
import java.util.List;
import org.kefu.agent.AgentDirectory;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins' escalation rules: create, change, switch off, delete. */
@Service
@Transactional
public class ManagingEscalationRules {

    private final EscalationRules rules;
    private final AgentDirectory agents;
    private final Clock clock;

    ManagingEscalationRules(EscalationRules rules, AgentDirectory agents, Clock clock) {
        this.rules = rules;
        this.agents = agents;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<EscalationRule> list() {
        return rules.all();
    }

    @Transactional(readOnly = true)
    public EscalationRule get(long id) {
        return rules.find(id).orElseThrow(() -> new NotFoundException("Escalation rule", id));
    }

    public EscalationRule create(EscalationRuleInput input) {
        EscalationRuleInput.Valid valid = checked(input);
        return get(rules.insert(valid, clock.instant()));
    }

    public EscalationRule replace(long id, EscalationRuleInput input, Long version) {
        EscalationRule current = get(id);
        EscalationRuleInput.Valid valid = checked(input);
        long expected = version == null ? current.version() : version;
        if (!rules.update(id, valid, expected, clock.instant())) {
            throw new ConflictException("The escalation rule was changed meanwhile (version " + current.version()
                    + "); reload and try again.");
        }
        return get(id);
    }

    public void delete(long id) {
        get(id);
        rules.delete(id);
    }

    /** Past firings on a ticket, oldest first. */
    @Transactional(readOnly = true)
    public List<EscalationFiring> firingsOf(long ticketId) {
        return rules.firingsOf(ticketId);
    }

    private EscalationRuleInput.Valid checked(EscalationRuleInput input) {
        EscalationRuleInput.Valid valid = input.validate();
        EscalationRule.Conditions c = valid.conditions();
        EscalationRule.Actions a = valid.actions();
        exists("departmentId", c.departmentId(), id -> agents.department(id));
        exists("teamId", c.teamId(), id -> agents.team(id));
        exists("reassignTeamId", a.reassignTeamId(), id -> agents.team(id));
        exists("notifyAgentId", a.notifyAgentId(), id -> agents.get(id));
        return valid;
    }

    private static void exists(String field, Long id, java.util.function.LongFunction<?> lookup) {
        if (id == null) {
            return;
        }
        try {
            lookup.apply(id);
        } catch (NotFoundException e) {
            throw InvalidRequestException.of(field, "no such id " + id);
        }
    }
}
