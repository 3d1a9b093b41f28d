package org.kefu.bot.web;

import java.time.LocalDate;
import org.kefu.bot.BotReports;
import org.kefu.bot.HandOffReason;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 智能客服报表: what the bot answered and how often it helped, hand-offs by reason, the to-write list. Supervisors. */
@Controller
class BotReportPage {

    static final int GAPS = 50;
    static final int HANDOFFS = 25;

    private final BotReports reports;

    BotReportPage(BotReports reports) {
        this.reports = reports;
    }

    @GetMapping("/bot/report")
    String report(Actor actor, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String cursor, Model model) {
        actor.requireRole(Role.SUPERVISOR);
        BotReports.Period period;
        try {
            period = reports.period(from, to);
        } catch (InvalidRequestException e) {
            model.addAttribute("problems", e.problems());
            period = reports.period(null, null);
        }
        HandOffReason only = BotApiController.reason(reason);
        model.addAttribute("navSection", "tickets");
        model.addAttribute("period", period);
        model.addAttribute("summary", reports.summary(period, actor));
        model.addAttribute("gaps", reports.gaps(period, GAPS, actor));
        model.addAttribute("handOffs", reports.handOffs(period, only, cursor, HANDOFFS, actor));
        model.addAttribute("reason", only);
        model.addAttribute("reasons", HandOffReason.values());
        return "bot/report";
    }
}
