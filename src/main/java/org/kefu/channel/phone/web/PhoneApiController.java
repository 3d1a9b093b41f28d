package org.kefu.channel.phone.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.kefu.channel.phone.LoggingCalls;
import org.kefu.channel.phone.NewCall;
import org.kefu.channel.phone.TelephonyRecord;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerEmail;
import org.kefu.customer.CustomerPhone;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Calls on tickets, call records from telephony systems, and who a number belongs to. */
@RestController
@Tag(name = "Channels: phone")
class PhoneApiController {

    private final LoggingCalls calls;

    PhoneApiController(LoggingCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/api/v1/tickets/{id}/calls")
    @Operation(summary = "The calls logged on a ticket, newest first")
    List<PhoneCallView> list(@PathVariable long id, Actor actor) {
        return calls.onTicket(id, actor).stream().map(PhoneCallView::of).toList();
    }

    @PostMapping("/api/v1/tickets/{id}/calls")
    @Operation(summary = "Log a call on a ticket (also written on its timeline)")
    ResponseEntity<PhoneCallView> log(@PathVariable long id, @Valid @RequestBody NewCall body, Actor actor) {
        PhoneCallView view = PhoneCallView.of(calls.log(id, body, actor));
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/calls")).body(view);
    }

    /** A ticket opened from a call. */
    record CallTicketRequest(@NotNull @Valid NewCall call, Long customerId, @Size(max = 200) String customerName,
            @Size(max = 500) String subject, @Size(max = 200_000) String description) {
    }

    record CallTicketView(long ticketId, String ticketNumber, long customerId, PhoneCallView call) {
    }

    @PostMapping("/api/v1/channels/phone/tickets")
    @Operation(summary = "Open a ticket (channel PHONE) from a call: the caller is matched by number unless customerId is given")
    ResponseEntity<CallTicketView> openTicket(@Valid @RequestBody CallTicketRequest body, Actor actor) {
        LoggingCalls.OpenedFromCall opened = calls.openTicket(body.call(), body.customerId(), body.customerName(),
                body.subject(), body.description(), actor);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + opened.ticket().getId()))
                .body(new CallTicketView(opened.ticket().getId(), opened.ticket().getNumber(),
                        opened.call().getCustomerId(), PhoneCallView.of(opened.call())));
    }

    record ReportedView(long ticketId, String ticketNumber, boolean newTicket, boolean replayed, PhoneCallView call) {
    }

    @PostMapping("/api/v1/channels/phone/calls")
    @Operation(summary = "Take a call record from a telephony system: attached to the caller's open ticket, else a new"
            + " PHONE ticket. Idempotent by externalCallId (a resend answers 200 with the first result)")
    ResponseEntity<ReportedView> report(@Valid @RequestBody TelephonyRecord body) {
        LoggingCalls.Reported reported = calls.report(body);
        return ResponseEntity.status(reported.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new ReportedView(reported.call().getTicketId(), reported.ticketNumber(), reported.newTicket(),
                        reported.replayed(), PhoneCallView.of(reported.call())));
    }

    record CallerView(long customerId, String name, List<String> phones, List<String> emails) {

        static CallerView of(Customer c) {
            return new CallerView(c.getId(), c.getName(), c.getPhones().stream().map(CustomerPhone::getPhone).toList(),
                    c.getEmails().stream().map(CustomerEmail::getEmail).toList());
        }
    }

    @GetMapping("/api/v1/channels/phone/callers")
    @Operation(summary = "Who a number belongs to: customers with it in any usual form (+86 138..., 138..., 0086...)")
    List<CallerView> whoIs(@RequestParam String number) {
        if (number.isBlank() || number.length() > 40) {
            throw InvalidRequestException.of("number", "must be a phone number");
        }
        return calls.whoIs(number).stream().map(CallerView::of).toList();
    }
}
