package org.kefu.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kefu.platform.Actor;
import org.kefu.sla.SlaClock;
import org.kefu.sla.SlaMetric;
import org.kefu.sla.TicketSla;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "SLA policies")
class TicketSlaApiController {

    private final TicketSla sla;

    TicketSlaApiController(TicketSla sla) {
        this.sla = sla;
    }

    record SlaView(long ticketId, Long policyId, String policyName, List<ClockView> clocks, List<BreachView> breaches) {
    }

    record ClockView(SlaMetric metric, SlaClock.State state, int cycle, String target, Instant startedAt, Instant dueAt,
                     Instant warnAt, String remaining, Long remainingSeconds, boolean paused, Instant pausedAt,
                     long pausedBusinessSeconds, Instant metAt, boolean breached, boolean aboutToBreach) {
    }

    record BreachView(SlaMetric metric, int cycle, Instant dueAt, Instant detectedAt, Instant metAt,
                      String overdueBusinessTime, long overdueBusinessSeconds, long overdueSeconds) {
    }

    @GetMapping("/api/v1/tickets/{id}/sla")
    @Operation(summary = "A ticket's SLA clocks: due times, business time remaining (negative when overdue), "
            + "paused, breached, and the breaches recorded")
    SlaView ticketSla(@PathVariable long id, Actor actor) {
        TicketSla.Status s = sla.of(id, actor);
        return new SlaView(s.ticketId(), s.policyId(), s.policyName(),
                s.clocks().stream().map(c -> new ClockView(c.metric(), c.state(), c.cycle(), c.target().toString(),
                        c.startedAt(), c.dueAt(), c.warnAt(), iso(c.remaining()),
                        c.remaining() == null ? null : c.remaining().toSeconds(), c.paused(), c.pausedAt(),
                        c.pausedBusinessTime().toSeconds(), c.metAt(), c.breached(), c.aboutToBreach())).toList(),
                s.breaches().stream().map(b -> new BreachView(b.metric(), b.cycle(), b.dueAt(), b.detectedAt(), b.metAt(),
                        b.overdueBusinessTime().toString(), b.overdueBusinessTime().toSeconds(), b.overdue().toSeconds())).toList());
    }

    private static String iso(Duration d) {
        return d == null ? null : d.toString();
    }
}
