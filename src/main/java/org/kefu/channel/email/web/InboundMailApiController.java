package org.kefu.channel.email.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.kefu.channel.email.EmailIntake;
import org.kefu.channel.email.IntakeResult;
import org.kefu.platform.Actor;
import org.kefu.platform.ContentTooLargeException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Email inbound", description = "Raw mail piped in by a mail server (MTA), taken in like fetched mail")
class InboundMailApiController {

    private final EmailIntake intake;
    private final long maxBytes;

    InboundMailApiController(EmailIntake intake, @Value("${kefu.email.inbound.max-bytes:25MB}") DataSize maxBytes) {
        this.intake = intake;
        this.maxBytes = maxBytes.toBytes();
    }

    record InboundView(String outcome, Long ticketId, String ticketNumber, String messageId) {

        static InboundView of(IntakeResult r) {
            return new InboundView(r.outcome().name(), r.ticketId(), r.ticketNumber(), r.messageId());
        }
    }

    @PostMapping(path = "/api/v1/channels/email/inbound", consumes = {"message/rfc822", "application/octet-stream"})
    @Operation(summary = "Take in one raw RFC 5322 message (admin token). 201 when it opened a ticket; 200 when it was "
            + "appended to a ticket (APPENDED), seen before (DUPLICATE: nothing changed) or a bounce (BOUNCE); 413 over "
            + "kefu.email.inbound.max-bytes")
    ResponseEntity<InboundView> receive(HttpServletRequest request,
            @Parameter(description = "the mailbox the mail was addressed to (default team, acknowledgement, replies)")
            @RequestParam(required = false) Long mailbox, Actor actor) throws IOException {
        actor.requireRole(Role.ADMIN);
        byte[] raw = read(request);
        if (raw.length == 0) {
            throw InvalidRequestException.of("body", "send the raw message as the request body");
        }
        IntakeResult result = intake.receive(raw, mailbox);
        HttpStatus status = result.outcome() == IntakeResult.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(InboundView.of(result));
    }

    private byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private ContentTooLargeException tooLarge() {
        return new ContentTooLargeException("The message is larger than the limit of " + maxBytes + " bytes.",
                Map.of("field", "body", "maxBytes", maxBytes));
    }
}
