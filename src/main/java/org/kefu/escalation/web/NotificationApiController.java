package org.kefu.escalation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.kefu.escalation.Notification;
import org.kefu.escalation.Notifications;
import org.kefu.platform.Actor;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Slice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The signed-in agent's in-app notifications (escalations, reminders, deadlines)")
class NotificationApiController {

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "My notifications, newest first; keyset-paginated with nextCursor. Text is a message key "
            + "of the escalation bundle with its arguments")
    Slice<Notification> list(@RequestParam(required = false) Boolean unread, @RequestParam(required = false) String cursor,
                             @RequestParam(required = false) Integer limit, Actor actor) {
        return notifications.list(actor.id(), Boolean.TRUE.equals(unread), cursor, PageLimit.of(limit));
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many of my notifications are unread")
    Map<String, Long> unreadCount(Actor actor) {
        return Map.of("unread", notifications.unreadCount(actor.id()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of my notifications read")
    Notification markRead(@PathVariable long id, Actor actor) {
        return notifications.markRead(id, actor.id());
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all my notifications read; answers how many changed")
    Map<String, Integer> markAllRead(Actor actor) {
        return Map.of("marked", notifications.markAllRead(actor.id()));
    }
}
