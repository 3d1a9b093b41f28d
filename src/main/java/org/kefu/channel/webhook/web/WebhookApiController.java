package org.kefu.channel.webhook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.kefu.channel.webhook.ManagingWebhookChannels;
import org.kefu.channel.webhook.WebhookChannelInput;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins configure webhook channels (WeChat, Weibo, WhatsApp, app gateways). */
@RestController
@RequestMapping("/api/v1/channels/webhooks")
@Tag(name = "Channels: webhooks")
class WebhookApiController {

    private final ManagingWebhookChannels managing;

    WebhookApiController(ManagingWebhookChannels managing) {
        this.managing = managing;
    }

    @GetMapping
    @Operation(summary = "List webhook channels (admin)")
    List<WebhookChannelView> list(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return managing.list().stream().map(c -> WebhookChannelView.of(c, null)).toList();
    }

    @PostMapping
    @Operation(summary = "Create a webhook channel (admin). The answer carries the shared secret, shown only this once")
    ResponseEntity<WebhookChannelView> create(@Valid @RequestBody WebhookChannelInput body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        ManagingWebhookChannels.WithSecret created = managing.create(body);
        return ResponseEntity.created(URI.create("/api/v1/channels/webhooks/" + created.channel().getId()))
                .body(WebhookChannelView.of(created.channel(), created.secret()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One webhook channel (admin); the secret is never shown again")
    WebhookChannelView get(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return WebhookChannelView.of(managing.get(id), null);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a webhook channel's name, callback URL, source, placement or active state (admin)")
    WebhookChannelView update(@PathVariable long id, @Valid @RequestBody WebhookChannelInput body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return WebhookChannelView.of(managing.update(id, body), null);
    }

    @PostMapping("/{id}/secret")
    @Operation(summary = "Issue a new shared secret (admin); the old one stops working at once. Shown only this once")
    WebhookChannelView rotateSecret(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        ManagingWebhookChannels.WithSecret rotated = managing.rotateSecret(id);
        return WebhookChannelView.of(rotated.channel(), rotated.secret());
    }
}
