package org.kefu.sla;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins' work on SLA policies. Changes apply to tickets opened afterwards; running clocks keep the
 * target and calendar they started with.
 */
@Service
@Transactional
public class ManagingSlaPolicies {

    private final SlaPolicies policies;
    private final Calendars calendars;
    private final Clock clock;

    ManagingSlaPolicies(SlaPolicies policies, Calendars calendars, Clock clock) {
        this.policies = policies;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SlaPolicy> list() {
        return policies.ordered();
    }

    @Transactional(readOnly = true)
    public SlaPolicy get(long id) {
        return policies.find(id).orElseThrow(() -> new NotFoundException("SLA policy", id));
    }

    public SlaPolicy create(SlaPolicyInput input) {
        SlaPolicy policy = checked(input.validate(null, 0), null);
        return get(policies.insert(policy, clock.instant()));
    }

    public SlaPolicy replace(long id, SlaPolicyInput input, Long expectedVersion) {
        SlaPolicy current = get(id);
        SlaPolicy policy = checked(input.validate(id, current.version()), id);
        if (!policies.update(id, policy, expectedVersion == null ? current.version() : expectedVersion, clock.instant())) {
            throw new ConflictException("SLA policy " + id + " was changed by someone else; reload it and try again.",
                    Map.of("currentVersion", current.version()));
        }
        return get(id);
    }

    /**
     * Moves a policy one place up ({@code -1}) or down ({@code +1}) in the order policies are tried;
     * positions are renumbered 10, 20, 30 ... so equal positions cannot hide the order.
     */
    public List<SlaPolicy> move(long id, int direction) {
        get(id);
        java.util.List<SlaPolicy> ordered = new java.util.ArrayList<>(policies.ordered());
        int from = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).id() == id) {
                from = i;
            }
        }
        int to = from + Integer.signum(direction);
        if (to >= 0 && to < ordered.size()) {
            java.util.Collections.swap(ordered, from, to);
        }
        for (int i = 0; i < ordered.size(); i++) {
            SlaPolicy p = ordered.get(i);
            int position = (i + 1) * 10;
            if (p.position() != position) {
                SlaPolicy moved = new SlaPolicy(p.id(), p.name(), position, p.active(), p.calendarId(), p.conditions(),
                        p.firstResponse(), p.nextResponse(), p.resolution(), p.pauseOnInternal(), p.warnPercent(),
                        p.version());
                if (!policies.update(p.id(), moved, p.version(), clock.instant())) {
                    throw new ConflictException("SLA policy " + p.id() + " was changed by someone else; reload and try again.",
                            Map.of("currentVersion", p.version()));
                }
            }
        }
        return policies.ordered();
    }

    public void delete(long id) {
        get(id);
        policies.delete(id);
    }

    private SlaPolicy checked(SlaPolicy policy, Long id) {
        if (calendars.find(policy.calendarId()).isEmpty()) {
            throw InvalidRequestException.of("calendarId", "no calendar " + policy.calendarId());
        }
        if (policies.nameTaken(policy.name(), id)) {
            throw InvalidRequestException.of("name", "another policy is already called '" + policy.name() + "'");
        }
        return policy;
    }
}
