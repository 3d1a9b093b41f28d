package org.kefu.audit.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kefu.agent.Agent;
import org.kefu.agent.AgentDirectory;
import org.kefu.audit.AuditEvent;
import org.kefu.audit.AuditLog;
import org.kefu.platform.Actor;
import org.kefu.platform.FormProblems;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Role;
import org.kefu.platform.Slice;
import org.kefu.platform.web.Times;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Admin: the audit log, newest first, filtered by action, actor and time range (in the admin's
 * time zone), paged by keyset like the API ({@code GET /api/v1/audit-events}).
 */
@Controller
class AdminAuditPage {

    /** The actions the desk records; the filter offers these. */
    static final List<String> ACTIONS = List.of("SIGN_IN", "SIGN_IN_FAILED", "AGENT_LOCKED_OUT", "PASSWORD_CHANGED",
            "AGENT_CREATED", "ROLE_CHANGED", "PERMISSION_CHANGED", "AGENT_DEACTIVATED", "TOKEN_CREATED", "TOKEN_REVOKED",
            "TICKET_MERGED", "CUSTOMER_MERGED", "SEARCH_INDEX_REBUILD");
    private static final int PAGE_SIZE = 50;

    private final AuditLog log;
    private final AgentDirectory agents;
    private final Times times;

    AdminAuditPage(AuditLog log, AgentDirectory agents, Times times) {
        this.log = log;
        this.agents = agents;
        this.times = times;
    }

    /** The filter as typed. */
    record AuditFilter(String action, Long actorId, String from, String to) {
    }

    @ModelAttribute("navSection")
    String navSection() {
        return "admin";
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String action, @RequestParam(required = false) Long actorId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor, Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        AuditFilter filter = new AuditFilter(blankToNull(action), actorId, blankToNull(from), blankToNull(to));
        FormProblems problems = FormProblems.none();
        Instant fromInstant = instant(filter.from(), "from", problems);
        Instant toInstant = instant(filter.to(), "to", problems);
        Slice<AuditEvent> slice = new Slice<>(List.of(), null);
        if (problems.isEmpty()) {
            try {
                slice = log.list(filter.action(), filter.actorId(), fromInstant, toInstant, blankToNull(cursor),
                        PageLimit.of(PAGE_SIZE));
            } catch (InvalidRequestException e) {
                problems.add(e);
            }
        }
        List<Agent> all = agents.agents();
        Map<Long, String> names = all.stream().collect(Collectors.toMap(Agent::getId, Agent::getDisplayName));
        model.addAttribute("events", slice.items());
        model.addAttribute("nextCursor", slice.nextCursor());
        model.addAttribute("agentNames", names);
        model.addAttribute("agents", all.stream().map(a -> new AgentChoice(a.getId(), a.getDisplayName(), a.getEmail())).toList());
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("filter", filter);
        model.addAttribute("paged", cursor != null && !cursor.isBlank());
        model.addAttribute("errors", problems);
        return "admin/audit";
    }

    record AgentChoice(long id, String name, String email) {
    }

    private Instant instant(String local, String field, FormProblems problems) {
        if (local == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(times.zone()).toInstant();
        } catch (DateTimeParseException e) {
            problems.field(field, "must be a date and time such as 2026-01-31T18:00");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
