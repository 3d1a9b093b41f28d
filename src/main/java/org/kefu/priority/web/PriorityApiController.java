package org.kefu.priority.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
import org.kefu.priority.PriorityFactor;
import org.kefu.priority.PriorityRules;
import org.kefu.priority.Quadrant;
import org.kefu.priority.TicketPriorities;
import org.kefu.priority.TicketPriority;
import org.kefu.ticket.Priority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Priority")
class PriorityApiController {

    private final TicketPriorities priorities;

    PriorityApiController(TicketPriorities priorities) {
        this.priorities = priorities;
    }

    record SignalView(String key, int value, String detail) {
    }

    record FactorView(PriorityFactor factor, int value, int weight, double points, List<SignalView> signals) {
    }

    record PinView(TicketPriority.PinOrigin origin, Priority priority, String reason, Long byId, String byName, Instant at) {
    }

    record PriorityView(long ticketId, Priority priority, boolean automatic, int score, Priority computedPriority,
                        Quadrant quadrant, List<FactorView> factors, PinView override, Instant computedAt,
                        Instant nextReviewAt) {

        static PriorityView of(TicketPriority p, PriorityRules rules) {
            List<FactorView> factors = Arrays.stream(PriorityFactor.values()).map(f -> new FactorView(f, p.score().factor(f),
                    rules.weight(f), Math.round(p.score().contribution(f) * 100) / 100.0,
                    p.score().signals().stream().filter(s -> s.factor() == f)
                            .map(s -> new SignalView(s.key(), s.value(), s.detail())).toList())).toList();
            TicketPriority.Pin pin = p.pin();
            return new PriorityView(p.ticketId(), p.priority(), p.automatic(), p.score().score(), p.score().priority(),
                    p.score().quadrant(), factors,
                    pin == null ? null : new PinView(pin.origin(), pin.priority(), pin.reason(), pin.byId(), pin.byName(), pin.at()),
                    p.computedAt(), p.nextReviewAt());
        }
    }

    @GetMapping("/api/v1/tickets/{id}/priority")
    @Operation(summary = "A ticket's priority score and why: each factor's value, weight and contribution, the quadrant, "
            + "and the override (or other pin) that holds its priority, if any")
    PriorityView get(@PathVariable long id, Actor actor) {
        return PriorityView.of(priorities.of(id, actor), priorities.rules());
    }

    record OverrideRequest(@NotNull Priority priority, String reason) {
    }

    @PutMapping("/api/v1/tickets/{id}/priority/override")
    @Operation(summary = "Pin the ticket's priority with a required reason (recorded on the timeline); the score keeps "
            + "being computed but no longer changes the priority until the override is cleared")
    PriorityView override(@PathVariable long id, @RequestBody OverrideRequest body, Actor actor) {
        return PriorityView.of(priorities.override(id, body.priority(), body.reason(), actor), priorities.rules());
    }

    @DeleteMapping("/api/v1/tickets/{id}/priority/override")
    @Operation(summary = "Clear the override (or any other pin): the score sets the priority again at once")
    PriorityView clear(@PathVariable long id, Actor actor) {
        return PriorityView.of(priorities.clearOverride(id, actor), priorities.rules());
    }

    @GetMapping("/api/v1/priority/weights")
    @Operation(summary = "The factor weights (0-100; 0 removes a factor) and the lowest score of P1, P2 and P3 (admins)")
    PriorityRules weights(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return priorities.rules();
    }

    @PutMapping("/api/v1/priority/weights")
    @Operation(summary = "Change the weights and thresholds (admins); each ticket takes them at its next recompute")
    PriorityRules changeWeights(@RequestBody WeightsRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return priorities.changeRules(body.toRules(), actor);
    }

    record WeightsRequest(Integer urgencyWeight, Integer impactWeight, Integer valueWeight, Integer complexityWeight,
                          Integer p1Min, Integer p2Min, Integer p3Min) {

        PriorityRules toRules() {
            List<FieldProblem> missing = new java.util.ArrayList<>();
            Map<String, Integer> fields = new java.util.LinkedHashMap<>();
            fields.put("urgencyWeight", urgencyWeight);
            fields.put("impactWeight", impactWeight);
            fields.put("valueWeight", valueWeight);
            fields.put("complexityWeight", complexityWeight);
            fields.put("p1Min", p1Min);
            fields.put("p2Min", p2Min);
            fields.put("p3Min", p3Min);
            fields.forEach((k, v) -> {
                if (v == null) {
                    missing.add(new FieldProblem(k, "must not be null"));
                }
            });
            if (!missing.isEmpty()) {
                throw new InvalidRequestException(missing);
            }
            return new PriorityRules(urgencyWeight, impactWeight, valueWeight, complexityWeight, p1Min, p2Min, p3Min);
        }
    }
}
