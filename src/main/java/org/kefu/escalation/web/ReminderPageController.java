package org.kefu.escalation.web;

import org.kefu.escalation.Reminder;
import org.kefu.escalation.Reminders;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.PageLimit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reminders panel of the ticket page (hx-get="/tickets/{id}/reminders") and the "My tasks" page,
 * which lists my reminders in its own section (other kinds of tasks get sections beside it).
 */
@Controller
class ReminderPageController {

    private final Reminders reminders;
    private final java.time.Clock clock;

    ReminderPageController(Reminders reminders, java.time.Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @GetMapping("/tickets/{id}/reminders")
    String panel(@PathVariable long id, Actor actor, Model model) {
        return panelModel(id, actor, model);
    }

    @PostMapping("/tickets/{id}/reminders")
    String add(@PathVariable long id, @RequestParam(required = false) String dueAt, @RequestParam(required = false) String note,
               Actor actor, Model model) {
        try {
            reminders.create(id, dueAt, note, actor);
        } catch (InvalidRequestException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("dueAtValue", dueAt);
            model.addAttribute("noteValue", note);
        }
        return panelModel(id, actor, model);
    }

    /** From the ticket panel (htmx: the panel comes back) or from My tasks (back to the page). */
    @PostMapping("/reminders/{id}/done")
    String done(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx, Actor actor,
                Model model) {
        Reminder r = reminders.markDone(id, actor);
        return htmx != null ? panelModel(r.ticketId(), actor, model) : "redirect:/my/tasks";
    }

    @PostMapping("/reminders/{id}/delete")
    String delete(@PathVariable long id, @RequestParam long ticketId, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Actor actor, Model model) {
        reminders.delete(id, actor);
        return htmx != null ? panelModel(ticketId, actor, model) : "redirect:/my/tasks";
    }

    @GetMapping("/my/tasks")
    String myTasks(@RequestParam(required = false) String cursor, Actor actor, Model model) {
        model.addAttribute("reminders", reminders.open(actor, cursor, PageLimit.MAX));
        model.addAttribute("doneReminders", reminders.done(actor, 10));
        model.addAttribute("now", clock.instant());
        return "escalation/my-tasks";
    }

    private String panelModel(long ticketId, Actor actor, Model model) {
        model.addAttribute("ticketId", ticketId);
        model.addAttribute("reminders", reminders.ofTicket(ticketId, actor));
        model.addAttribute("zone", reminders.zoneOf(actor).getId());
        model.addAttribute("now", clock.instant());
        return "escalation/ticket-reminders";
    }
}
