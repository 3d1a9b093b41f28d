package org.kefu.sla.web;

import org.kefu.platform.Actor;
import org.kefu.sla.TicketSla;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The htmx fragment with a ticket's due times, for the ticket page to embed (hx-get="/tickets/{id}/sla"). */
@Controller
class TicketSlaPageController {

    private final TicketSla sla;

    TicketSlaPageController(TicketSla sla) {
        this.sla = sla;
    }

    @GetMapping("/tickets/{id}/sla")
    String fragment(@PathVariable long id, Actor actor, Model model) {
        model.addAttribute("sla", sla.of(id, actor));
        return "sla/ticket-sla";
    }
}
