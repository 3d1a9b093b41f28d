package org.kefu.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.kefu.audit.AuditEvent;
import org.kefu.audit.AuditLog;
import org.kefu.platform.Actor;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Role;
import org.kefu.platform.Slice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit log")
class AuditApiController {

    private final AuditLog log;

    AuditApiController(AuditLog log) {
        this.log = log;
    }

    record AuditView(long id, Instant occurredAt, Long actorId, String actorLabel, String action, String targetType,
            String targetId, String detail, String remoteAddress) {

        static AuditView of(AuditEvent a) {
            return new AuditView(a.getId(), a.getOccurredAt(), a.getActorId(), a.getActorLabel(), a.getAction(),
                    a.getTargetType(), a.getTargetId(), a.getDetail(), a.getRemoteAddress());
        }
    }

    @GetMapping
    @Operation(summary = "Audit log, newest first (admin). Actions: SIGN_IN, SIGN_IN_FAILED, TOKEN_CREATED, TOKEN_REVOKED,"
            + " ROLE_CHANGED, PERMISSION_CHANGED, AGENT_CREATED, AGENT_DEACTIVATED, TICKET_MERGED, CUSTOMER_MERGED, SEARCH_INDEX_REBUILD")
    Slice<AuditView> list(@RequestParam(required = false) String action, @RequestParam(required = false) Long actorId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return log.list(action, actorId, from, to, cursor, PageLimit.of(limit)).map(AuditView::of);
    }
}
