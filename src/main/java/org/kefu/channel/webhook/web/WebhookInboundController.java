package org.kefu.channel.webhook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.kefu.channel.webhook.WebhookIntake;
import org.kefu.channel.webhook.WebhookReceipt;
import org.kefu.channel.webhook.WebhookSignature;
import org.kefu.channel.webhook.WebhookUnauthorizedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where gateways deliver messages. No API token: the request is authenticated by its
 * {@code X-Kefu-Signature} alone, checked over the raw body before anything is read or stored.
 */
@RestController
@Tag(name = "Channels: webhooks")
class WebhookInboundController {

    private final WebhookIntake intake;

    WebhookInboundController(WebhookIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/v1/channels/webhook/{key}")
    @SecurityRequirements
    @Operation(summary = "Deliver a message from a gateway (signed with the channel's secret, no API token)",
            description = "Body: {externalUserId, displayName?, text?, attachments?: [{url, name?, contentType?}],"
                    + " externalMessageId, sentAt?, email?, phone?}. Header X-Kefu-Signature: t=<unix seconds>,v1=<hex"
                    + " HMAC-SHA256 of \"<t>.<raw body>\" keyed with the secret>. A missing, wrong or stale (more than"
                    + " 5 minutes off) signature answers 401 and stores nothing. The same externalMessageId again"
                    + " answers 200 with the same receipt.")
    ResponseEntity<WebhookReceipt> receive(@PathVariable String key,
            @Parameter(description = "t=<unix seconds>,v1=<hex HMAC-SHA256>")
            @RequestHeader(name = WebhookSignature.HEADER, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        return ResponseEntity.ok(intake.receive(key, signature, body == null ? new byte[0] : body));
    }

    @ExceptionHandler(WebhookUnauthorizedException.class)
    ResponseEntity<ProblemDetail> unauthorized(WebhookUnauthorizedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Unauthorized");
        problem.setType(URI.create("https://kefu.org/problems/webhook-signature"));
        problem.setProperty("reason", e.verdict().name());
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }
}
