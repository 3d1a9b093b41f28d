package org.kefu.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
import org.kefu.sla.ManagingSlaPolicies;
import org.kefu.sla.SlaPolicy;
import org.kefu.sla.SlaPolicyInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sla-policies")
@Tag(name = "SLA policies", description = "Which tickets get which response and resolution targets, in business time")
class SlaPolicyApiController {

    private final ManagingSlaPolicies policies;

    SlaPolicyApiController(ManagingSlaPolicies policies) {
        this.policies = policies;
    }

    record PolicyView(long id, String name, int position, boolean active, long calendarId, String tier, String priority,
                      String channel, String complaintType, String organisation, String tag, String firstResponse,
                      String nextResponse, String resolution, boolean pauseOnInternal, int warnPercent, long version) {

        static PolicyView of(SlaPolicy p) {
            SlaPolicy.Conditions c = p.conditions();
            return new PolicyView(p.id(), p.name(), p.position(), p.active(), p.calendarId(), c.tier(), c.priority(),
                    c.channel(), c.complaintType(), c.organisation(), c.tag(), iso(p.firstResponse()), iso(p.nextResponse()),
                    iso(p.resolution()), p.pauseOnInternal(), p.warnPercent(), p.version());
        }

        private static String iso(Duration d) {
            return d == null ? null : d.toString();
        }
    }

    record PolicyRequest(String name, Integer position, Boolean active, Long calendarId, String tier, String priority,
                         String channel, String complaintType, String organisation, String tag, String firstResponse,
                         String nextResponse, String resolution, Boolean pauseOnInternal, Integer warnPercent, Long version) {

        SlaPolicyInput input() {
            return new SlaPolicyInput(name, position, active, calendarId, tier, priority, channel, complaintType,
                    organisation, tag, firstResponse, nextResponse, resolution, pauseOnInternal, warnPercent);
        }
    }

    @GetMapping
    @Operation(summary = "List SLA policies in the order they are tried (first match wins)")
    List<PolicyView> list(Actor actor) {
        return policies.list().stream().map(PolicyView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One SLA policy")
    PolicyView get(@PathVariable long id, Actor actor) {
        return PolicyView.of(policies.get(id));
    }

    @PostMapping
    @Operation(summary = "Create an SLA policy (admin). Conditions left null match anything; targets are ISO-8601 "
            + "durations of business time (PT30M); position orders the policies")
    ResponseEntity<PolicyView> create(@RequestBody PolicyRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        PolicyView view = PolicyView.of(policies.create(body.input()));
        return ResponseEntity.created(URI.create("/api/v1/sla-policies/" + view.id())).body(view);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an SLA policy (admin); applies to tickets opened afterwards")
    PolicyView replace(@PathVariable long id, @RequestBody PolicyRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return PolicyView.of(policies.replace(id, body.input(), body.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an SLA policy (admin); running clocks keep their targets")
    void delete(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        policies.delete(id);
    }
}
