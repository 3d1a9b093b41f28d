package org.kefu.channel.phone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kefu.agent.Agent;
import org.kefu.agent.Agents;
import org.kefu.channel.CustomerMatching;
import org.kefu.channel.SystemActor;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerDirectory;
import org.kefu.platform.Actor;
import org.kefu.platform.Channel;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Slice;
import org.kefu.ticket.Author;
import org.kefu.ticket.NewTicket;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketFinder;
import org.kefu.ticket.TicketIntake;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketQuery;
import org.kefu.ticket.TicketStatus;
import org.kefu.ticket.TicketWork;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calls on tickets: agents log them (or open a ticket from one), telephony systems report them.
 * Every call also writes a notice on the ticket's timeline. A reported call goes to the caller's
 * open ticket (the most recently updated one not resolved or closed, any channel), else to a new
 * ticket with channel PHONE; the caller is matched by number (see {@link CustomerMatching}).
 */
@Service
public class LoggingCalls {

    static final int MAX_LISTED = 200;
    private static final List<TicketStatus> ACTIVE = List.of(TicketStatus.NEW, TicketStatus.OPEN,
            TicketStatus.PENDING_CUSTOMER, TicketStatus.PENDING_INTERNAL, TicketStatus.REOPENED);

    private final PhoneCalls calls;
    private final TicketWork work;
    private final TicketIntake intake;
    private final TicketFinder finder;
    private final CustomerMatching matching;
    private final CustomerDirectory customers;
    private final Agents agents;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LoggingCalls(PhoneCalls calls, TicketWork work, TicketIntake intake, TicketFinder finder, CustomerMatching matching,
            CustomerDirectory customers, Agents agents, TransactionTemplate transactions, Clock clock) {
        this.calls = calls;
        this.work = work;
        this.intake = intake;
        this.finder = finder;
        this.matching = matching;
        this.customers = customers;
        this.agents = agents;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a telephony report did. */
    public record Reported(PhoneCall call, String ticketNumber, boolean newTicket, boolean replayed) {
    }

    /** A ticket opened from a call, with the call logged on it. */
    public record OpenedFromCall(Ticket ticket, PhoneCall call) {
    }

    /** The calls on a ticket the actor may see, newest first. */
    public List<PhoneCall> onTicket(long ticketId, Actor actor) {
        return transactions.execute(tx -> {
            work.get(ticketId, actor);
            return calls.onTicket(ticketId, Limit.of(MAX_LISTED));
        });
    }

    /** An agent logs a call on a ticket it may see. */
    public PhoneCall log(long ticketId, NewCall call, Actor actor) {
        return transactions.execute(tx -> {
            Ticket ticket = work.get(ticketId, actor);
            return save(ticket, call, actor.id(), actor.name(), null, Author.of(actor));
        });
    }

    /** An agent opens a ticket from a call: the caller found by number (or the given customer), the call logged on it. */
    public OpenedFromCall openTicket(NewCall call, Long customerId, String customerName, String subject,
            String description, Actor actor) {
        return transactions.execute(tx -> {
            Customer customer = customerId != null ? customers.get(customerId)
                    : matching.forCallerOrNew(call.number(), customerName);
            String words = description == null || description.isBlank()
                    ? (call.notes() == null || call.notes().isBlank() ? "☎ " + call.number() : call.notes())
                    : description;
            Ticket ticket = intake.open(new NewTicket(subject == null || subject.isBlank() ? "☎ " + call.number() : subject.strip(),
                    words, Channel.PHONE, customer.getId(), null, null, null, null, null, null, null, null, List.of(), null,
                    null, null, null), Author.of(actor));
            return new OpenedFromCall(ticket, save(ticket, call, actor.id(), actor.name(), null, Author.of(actor)));
        });
    }

    /** A call record from a telephony system; the same externalCallId again returns the first result. */
    public Reported report(TelephonyRecord record) {
        Optional<Reported> seen = replay(record.externalCallId());
        if (seen.isPresent()) {
            return seen.get();
        }
        try {
            return transactions.execute(tx -> place(record));
        } catch (DataIntegrityViolationException race) {
            return replay(record.externalCallId()).orElseThrow(() -> race);
        }
    }

    private Optional<Reported> replay(String externalCallId) {
        return transactions.execute(tx -> calls.findByExternalCallId(externalCallId.strip())
                .map(c -> new Reported(c, work.readBack(c.getTicketId()).getNumber(), false, true)));
    }

    private Reported place(TelephonyRecord record) {
        String number = record.direction() == CallDirection.INBOUND ? record.from() : record.to();
        String line = record.direction() == CallDirection.INBOUND ? record.to() : record.from();
        Optional<Agent> agent = record.agentEmail() == null || record.agentEmail().isBlank() ? Optional.empty()
                : agents.findByEmail(record.agentEmail().strip().toLowerCase(Locale.ROOT));
        Author by = agent.map(a -> new Author(Author.Type.AGENT, a.getId(), a.getDisplayName())).orElse(Author.SYSTEM);
        Customer customer = matching.forCallerOrNew(number, null);
        Optional<Ticket> open = openTicketOf(customer.getId());
        Ticket ticket = open.orElseGet(() -> intake.open(new NewTicket("☎ " + number.strip(),
                record.notes() == null || record.notes().isBlank() ? "☎ " + record.from().strip() + " → " + record.to().strip()
                        : record.notes(), Channel.PHONE, customer.getId(), null, null, null, null, null, null, null, null,
                List.of(), null, null, null, agent.map(Agent::getId).orElse(null)), by));
        CallOutcome outcome = record.outcome() != null ? record.outcome()
                : record.end() != null && record.end().isAfter(record.start()) ? CallOutcome.ANSWERED : CallOutcome.MISSED;
        NewCall call = new NewCall(record.direction(), number, record.start(), record.end(), null, outcome, record.notes(),
                record.recordingUrl());
        PhoneCall saved = save(ticket, call, agent.map(Agent::getId).orElse(null),
                agent.map(Agent::getDisplayName).orElse(null), record.externalCallId().strip(), by);
        calls.flush();
        return new Reported(saved, ticket.getNumber(), open.isEmpty(), false);
    }

    private Optional<Ticket> openTicketOf(long customerId) {
        TicketQuery query = new TicketQuery(ACTIVE, null, null, null, null, null, customerId, null, null, null, null, null,
                null);
        Slice<Ticket> page = finder.list(query, TicketQuery.Sort.UPDATED_DESC, null, 1, SystemActor.INSTANCE);
        return page.items().stream().findFirst();
    }

    private PhoneCall save(Ticket ticket, NewCall call, Long agentId, String loggedBy, String externalCallId, Author by) {
        Instant now = clock.instant();
        Instant start = call.startedAt() == null ? now : call.startedAt();
        if (call.endedAt() != null && call.endedAt().isBefore(start)) {
            throw InvalidRequestException.of("endedAt", "must not be before the start");
        }
        Integer duration = call.durationSeconds() != null ? call.durationSeconds()
                : call.endedAt() == null ? null : (int) Math.min(Integer.MAX_VALUE, Duration.between(start, call.endedAt()).toSeconds());
        if (duration != null && duration < 0) {
            throw InvalidRequestException.of("durationSeconds", "must not be negative");
        }
        String recording = recordingUrl(call.recordingUrl());
        PhoneCall saved = calls.save(new PhoneCall(ticket.getId(), ticket.getCustomer().getId(), call.direction(),
                call.number().strip(), null, start, call.endedAt(), duration, call.outcome(),
                call.notes() == null || call.notes().isBlank() ? null : call.notes().strip(), recording, agentId, loggedBy,
                externalCallId, now));
        work.recordNotice(ticket.getId(), TicketNotice.info("channel.phone.logged." + call.direction() + "." + call.outcome(),
                call.number().strip(), duration == null ? "—" : duration / 60 + ":" + String.format("%02d", duration % 60),
                saved.getNotes() == null ? "" : saved.getNotes()), by);
        return saved;
    }

    private static String recordingUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String clean = url.strip();
        if (!(clean.regionMatches(true, 0, "https://", 0, 8) || clean.regionMatches(true, 0, "http://", 0, 7))) {
            throw InvalidRequestException.of("recordingUrl", "must be an http or https URL");
        }
        try {
            java.net.URI uri = new java.net.URI(clean);
            if (uri.getHost() == null) {
                throw InvalidRequestException.of("recordingUrl", "must be an http or https URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw InvalidRequestException.of("recordingUrl", "must be an http or https URL");
        }
        return clean;
    }

    /** Whoever a number belongs to, for the caller lookup. */
    public List<Customer> whoIs(String number) {
        return transactions.execute(tx -> {
            List<Customer> found = matching.callerCandidates(number);
            found.forEach(c -> {
                c.getPhones().size();
                c.getEmails().size();
            });
            return found;
        });
    }
}
