package org.kefu.goals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.kefu.goals.GoalAttainment;
import org.kefu.goals.GoalInput;
import org.kefu.goals.GoalPeriod;
import org.kefu.goals.ManagingGoals;
import org.kefu.goals.ServiceGoal;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.web.Times;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/goals")
@Tag(name = "Service goals", description = "服务目标: e.g. 96% of email tickets first-answered within 2 business hours, and their attainment")
class GoalApiController {

    private final ManagingGoals goals;
    private final GoalAttainment attainment;
    private final Times times;

    GoalApiController(ManagingGoals goals, GoalAttainment attainment, Times times) {
        this.goals = goals;
        this.attainment = attainment;
        this.times = times;
    }

    record GoalView(long id, String name, String metric, BigDecimal targetPercent, String threshold, long calendarId,
                    String channel, String priority, Long teamId, Long departmentId, String complaintType, boolean active,
                    long version) {

        static GoalView of(ServiceGoal g) {
            return new GoalView(g.id(), g.name(), g.metric().name(), g.targetPercent(), g.threshold().toString(),
                    g.calendarId(), g.channel(), g.priority(), g.teamId(), g.departmentId(), g.complaintType(), g.active(),
                    g.version());
        }
    }

    record GoalRequest(String name, String metric, BigDecimal targetPercent, String threshold, Long calendarId,
                       String channel, String priority, Long teamId, Long departmentId, String complaintType,
                       Boolean active, Long version) {

        GoalInput input() {
            return new GoalInput(name, metric, targetPercent, threshold, calendarId, channel, priority, teamId,
                    departmentId, complaintType, active);
        }
    }

    record AttainmentView(long goalId, String period, String zone, Instant from, Instant to, LocalDate firstDay,
                          LocalDate lastDay, long met, long missed, long pending, long total, BigDecimal percent,
                          BigDecimal targetPercent, Boolean attained) {
    }

    @GetMapping
    @Operation(summary = "List service goals")
    List<GoalView> list(Actor actor) {
        return goals.list().stream().map(GoalView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One service goal")
    GoalView get(@PathVariable long id, Actor actor) {
        return GoalView.of(goals.get(id));
    }

    @PostMapping
    @Operation(summary = "Create a service goal (SUPERVISOR or ADMIN). metric: FIRST_RESPONSE, CHAT_FIRST_RESPONSE or "
            + "RESOLUTION; threshold: ISO-8601 business time (PT2H); filters left null match every ticket. Tickets of the "
            + "last 32 days are measured at once")
    ResponseEntity<GoalView> create(@RequestBody GoalRequest body, Actor actor) {
        GoalView view = GoalView.of(goals.create(body.input(), actor));
        return ResponseEntity.created(URI.create("/api/v1/goals/" + view.id())).body(view);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a service goal (SUPERVISOR or ADMIN); its outcomes are measured again")
    GoalView replace(@PathVariable long id, @RequestBody GoalRequest body, Actor actor) {
        return GoalView.of(goals.replace(id, body.input(), body.version(), actor));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a service goal (SUPERVISOR or ADMIN)")
    void delete(@PathVariable long id, Actor actor) {
        goals.delete(id, actor);
    }

    @GetMapping("/{id}/attainment")
    @Operation(summary = "Attainment of a goal for the day, week (Monday first) or month: of the tickets opened in it, "
            + "met within the threshold, missed, and pending (still inside the threshold, not counted)")
    AttainmentView attainment(@PathVariable long id,
            @Parameter(description = "DAY, WEEK or MONTH (default DAY)") @RequestParam(required = false) String period,
            @Parameter(description = "time zone of the period boundaries, e.g. Asia/Shanghai (default: yours)") @RequestParam(required = false) String zone,
            @Parameter(description = "an instant inside the period (default: now)") @RequestParam(required = false) Instant at,
            Actor actor) {
        GoalPeriod p = period(period);
        ZoneId z = zone(zone);
        GoalAttainment.Attainment a = attainment.of(id, p, z, at);
        return new AttainmentView(a.goalId(), p.name(), z.getId(), a.from(), a.to(), a.firstDay(), a.lastDay(), a.met(),
                a.missed(), a.pending(), a.decided(), a.percent(), a.targetPercent(), a.attained());
    }

    private static GoalPeriod period(String value) {
        if (value == null || value.isBlank()) {
            return GoalPeriod.DAY;
        }
        try {
            return GoalPeriod.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("period", "must be DAY, WEEK or MONTH");
        }
    }

    private ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return times.zone();
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw InvalidRequestException.of("zone", "must be a time zone such as Asia/Shanghai");
        }
    }
}
