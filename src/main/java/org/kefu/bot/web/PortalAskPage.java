package org.kefu.bot.web;

import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.kefu.bot.BotLanguage;
import org.kefu.bot.BotReply;
import org.kefu.bot.BotSession;
import org.kefu.bot.SelfServiceBot;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.kefu.platform.web.PublicUrl;
import org.kefu.portal.PortalCustomer;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The portal's "ask" page (问智能客服): a signed-in customer asks, the bot answers from the help centre in the page's
 * language and asks whether it helped; "still need help" opens the new-ticket form with the question. The bot session
 * lives in the customer's portal session, so a repeated question is recognised.
 */
@Controller
class PortalAskPage {

    static final String SESSION_KEY = "kefu.bot.portal-session";

    private final SelfServiceBot bot;
    private final PublicUrl publicUrl;
    private final PortalAskLimits limits;

    PortalAskPage(SelfServiceBot bot, PublicUrl publicUrl, PortalAskLimits limits) {
        this.bot = bot;
        this.publicUrl = publicUrl;
        this.limits = limits;
    }

    @GetMapping("/portal/ask")
    String page(@AuthenticationPrincipal PortalCustomer customer, Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("navSection", "ask");
        return "bot/portal-ask";
    }

    @PostMapping("/portal/ask")
    String ask(@AuthenticationPrincipal PortalCustomer customer, @RequestParam(defaultValue = "") String question,
            HttpSession http, Locale locale, Model model, jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        limits.ask(request.getRemoteAddr());
        model.addAttribute("customer", customer);
        model.addAttribute("navSection", "ask");
        model.addAttribute("question", question);
        if (question.isBlank() || question.length() > 2000) {
            model.addAttribute("error", question.isBlank() ? "bot.portal.required" : "bot.portal.tooLong");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "bot/portal-ask";
        }
        BotSession session = session(customer, http, locale);
        BotReply reply;
        try {
            reply = bot.ask(session.id(), question, true);
        } catch (ConflictException handedOff) {
            session = fresh(customer, http, locale);
            reply = bot.ask(session.id(), question, true);
        } catch (InvalidRequestException e) {
            model.addAttribute("error", "bot.portal.required");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "bot/portal-ask";
        }
        show(reply, question, model);
        return "bot/portal-ask";
    }

    @PostMapping("/portal/ask/feedback")
    String feedback(@AuthenticationPrincipal PortalCustomer customer, @RequestParam long turnId,
            @RequestParam boolean helped, @RequestParam(defaultValue = "") String question, HttpSession http, Locale locale,
            Model model) {
        model.addAttribute("customer", customer);
        model.addAttribute("navSection", "ask");
        Object id = http.getAttribute(SESSION_KEY);
        if (!(id instanceof Long sessionId) || !mine(sessionId, customer)) {
            throw new NotFoundException("Bot answer", turnId);
        }
        BotReply reply = bot.feedback(sessionId, turnId, helped);
        model.addAttribute("question", question);
        model.addAttribute("verdict", helped ? "helped" : "notHelped");
        show(reply, question, model);
        if (!helped) {
            model.addAttribute("stillNeedHelp", newTicketLink(question));
        }
        return "bot/portal-ask";
    }

    private void show(BotReply reply, String question, Model model) {
        if (reply.turn() != null) {
            model.addAttribute("turn", TurnView.of(reply.turn(), publicUrl.get()));
        }
        model.addAttribute("handedOff", reply.handedOff());
        if (reply.handedOff()) {
            model.addAttribute("stillNeedHelp", newTicketLink(question));
        } else if (reply.turn() != null && reply.turn().asksFeedback()) {
            model.addAttribute("stillNeedHelp", newTicketLink(question));
        }
    }

    /** The new-ticket form with the question; the form takes subject and description when it supports prefilling. */
    static String newTicketLink(String question) {
        String q = question == null ? "" : question.strip();
        String subject = q.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (subject.length() > 80) {
            subject = subject.substring(0, 79) + "…";
        }
        return UriComponentsBuilder.fromPath("/portal/tickets/new").queryParam("subject", subject)
                .queryParam("description", q).encode().build().toUriString();
    }

    private BotSession session(PortalCustomer customer, HttpSession http, Locale locale) {
        Object id = http.getAttribute(SESSION_KEY);
        if (id instanceof Long sessionId && mine(sessionId, customer)) {
            BotSession s = bot.session(sessionId);
            if (!s.handedOff()) {
                bot.speak(s, BotLanguage.of(locale));
                return bot.session(sessionId);
            }
        }
        return fresh(customer, http, locale);
    }

    private BotSession fresh(PortalCustomer customer, HttpSession http, Locale locale) {
        BotSession s = bot.open(BotSession.Source.PORTAL, customer.customerId(), BotLanguage.of(locale));
        http.setAttribute(SESSION_KEY, s.id());
        return s;
    }

    private boolean mine(long sessionId, PortalCustomer customer) {
        try {
            BotSession s = bot.session(sessionId);
            return s.source() == BotSession.Source.PORTAL && s.customerId() != null && s.customerId() == customer.customerId();
        } catch (NotFoundException e) {
            return false;
        }
    }
}
