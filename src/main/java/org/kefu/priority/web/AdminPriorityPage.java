package org.kefu.priority.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.priority.PriorityRules;
import org.kefu.priority.TicketPriorities;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /admin/priority: the factor weights and the P1–P3 thresholds (admins only). */
@Controller
class AdminPriorityPage {

    private static final String[] FIELDS = {"urgencyWeight", "impactWeight", "valueWeight", "complexityWeight", "p1Min",
            "p2Min", "p3Min"};

    private final TicketPriorities priorities;

    AdminPriorityPage(TicketPriorities priorities) {
        this.priorities = priorities;
    }

    @ModelAttribute("navSection")
    String navSection() {
        return "admin";
    }

    @GetMapping("/admin/priority")
    String page(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        PriorityRules r = priorities.rules();
        Map<String, String> values = new LinkedHashMap<>();
        int[] v = {r.urgencyWeight(), r.impactWeight(), r.valueWeight(), r.complexityWeight(), r.p1Min(), r.p2Min(), r.p3Min()};
        for (int i = 0; i < FIELDS.length; i++) {
            values.put(FIELDS[i], String.valueOf(v[i]));
        }
        return page(model, values, Map.of());
    }

    @PostMapping("/admin/priority")
    String save(@RequestParam Map<String, String> form, Actor actor, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        int[] parsed = new int[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            String raw = form.getOrDefault(FIELDS[i], "").strip();
            values.put(FIELDS[i], raw);
            try {
                parsed[i] = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                errors.put(FIELDS[i], "0–100");
            }
        }
        if (errors.isEmpty()) {
            try {
                priorities.changeRules(new PriorityRules(parsed[0], parsed[1], parsed[2], parsed[3], parsed[4], parsed[5],
                        parsed[6]), actor);
                flash.addFlashAttribute("saved", true);
                return "redirect:/admin/priority";
            } catch (InvalidRequestException e) {
                e.problems().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
            }
        }
        response.setStatus(422);
        return page(model, values, errors);
    }

    private String page(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("ruleValues", values);
        model.addAttribute("ruleErrors", errors);
        return "priority/admin";
    }
}
