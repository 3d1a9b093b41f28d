package org.kefu.escalation.web;

import org.kefu.escalation.Notification;
import org.kefu.escalation.Notifications;
import org.kefu.platform.Actor;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Slice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The bell in the top bar (an htmx fragment) and the notifications page. */
@Controller
class NotificationPageController {

    private final Notifications notifications;

    NotificationPageController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications/bell")
    String bell(Actor actor, Model model) {
        model.addAttribute("unread", notifications.unreadCount(actor.id()));
        return "escalation/bell :: count";
    }

    @GetMapping("/notifications")
    String page(@RequestParam(required = false) Boolean unread, @RequestParam(required = false) String cursor,
                Actor actor, Model model) {
        boolean unreadOnly = Boolean.TRUE.equals(unread);
        Slice<Notification> page = notifications.list(actor.id(), unreadOnly, cursor, PageLimit.DEFAULT);
        model.addAttribute("page", page);
        model.addAttribute("unreadOnly", unreadOnly);
        model.addAttribute("unread", notifications.unreadCount(actor.id()));
        return "escalation/notifications";
    }

    /** Marks read; with {@code open=true} goes on to the ticket, else back to the list. */
    @PostMapping("/notifications/{id}/read")
    String markRead(@PathVariable long id, @RequestParam(required = false) Boolean open, Actor actor) {
        Notification n = notifications.markRead(id, actor.id());
        if (Boolean.TRUE.equals(open) && n.ticketId() != null) {
            return "redirect:/tickets/" + n.ticketId();
        }
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(Actor actor) {
        notifications.markAllRead(actor.id());
        return "redirect:/notifications";
    }
}
