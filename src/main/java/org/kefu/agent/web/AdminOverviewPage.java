package org.kefu.agent.web;

import java.time.Clock;
import org.kefu.agent.Agent;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.IssuingApiTokens;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin start page: every admin section with a line about its state. */
@Controller
class AdminOverviewPage {

    private final AgentDirectory directory;
    private final IssuingApiTokens tokens;
    private final Clock clock;

    AdminOverviewPage(AgentDirectory directory, IssuingApiTokens tokens, Clock clock) {
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String overview(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        var agents = directory.agents();
        model.addAttribute("navSection", "admin");
        model.addAttribute("agentCount", agents.size());
        model.addAttribute("activeAgentCount", agents.stream().filter(Agent::isActive).count());
        model.addAttribute("departmentCount", directory.departments().size());
        model.addAttribute("teamCount", directory.teams().size());
        var now = clock.instant();
        model.addAttribute("activeTokenCount", tokens.list().stream()
                .filter(t -> t.getRevokedAt() == null && (t.getExpiresAt() == null || t.getExpiresAt().isAfter(now))).count());
        return "admin/overview";
    }
}
