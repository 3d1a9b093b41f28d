package org.kefu.ticket;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.Team;
import org.kefu.customer.Customer;
import org.kefu.customer.CustomerDirectory;
import org.kefu.platform.Channel;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import org.kefu.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens tickets: finds or creates the customer, numbers the ticket, records the first words. */
@Service
public class TicketIntake {

    private final CustomerDirectory customers;
    private final AgentDirectory agents;
    private final TicketSettings settings;
    private final TicketNumbers numbers;
    private final TagCatalogue tags;
    private final TicketAttachments attachments;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;

    TicketIntake(CustomerDirectory customers, AgentDirectory agents, TicketSettings settings, TicketNumbers numbers,
            TagCatalogue tags, TicketAttachments attachments, EntityManager entityManager, ApplicationEventPublisher events,
            MeterRegistry meters, Clock clock) {
        this.attachments = attachments;
        this.customers = customers;
        this.agents = agents;
        this.settings = settings;
        this.numbers = numbers;
        this.tags = tags;
        this.entityManager = entityManager;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    @Transactional
    public Ticket open(NewTicket command, Author openedBy) {
        return open(command, openedBy, clock.instant());
    }

    /**
     * Opens a ticket whose first customer message carries files (a new mail with attachments). The
     * ticket and its files commit together: a file over the limit (413) or too many files (422) open
     * nothing. Listeners of {@code TicketOpened} find the files already recorded.
     */
    @Transactional
    public Ticket open(NewTicket command, Author openedBy, List<NewAttachment> files) {
        return open(command, openedBy, clock.instant(), files);
    }

    /**
     * Opens a ticket that came in through a particular source of its channel (an email ticket: the
     * mailbox id; chat and webhook: the channel key), so routing rules can tell sources apart.
     */
    @Transactional
    public Ticket open(NewTicket command, Author openedBy, List<NewAttachment> files, String source) {
        return open(command, openedBy, clock.instant(), files, source);
    }

    /** Opens a ticket as of {@code now}; demo data and imports use a past time. */
    @Transactional
    public Ticket open(NewTicket command, Author openedBy, Instant now) {
        return open(command, openedBy, now, List.of());
    }

    private Ticket open(NewTicket command, Author openedBy, Instant now, List<NewAttachment> files) {
        return open(command, openedBy, now, files, null);
    }

    private Ticket open(NewTicket command, Author openedBy, Instant now, List<NewAttachment> files, String source) {
        if (source != null && source.strip().length() > 200) {
            throw InvalidRequestException.of("source", "must be at most 200 characters");
        }
        List<NewAttachment> attached = files == null ? List.of() : List.copyOf(files);
        attachments.check(attached);
        Customer customer = customer(command);
        long departmentId = placement(command);
        String complaintType = command.complaintType() == null || command.complaintType().isBlank() ? null
                : settings.requireActiveComplaintType(command.complaintType());
        // Required fields bind the desk's people; a customer writing in cannot know them, an agent fills them later.
        boolean requireAll = openedBy.type() != Author.Type.CUSTOMER;
        var customFields = CustomFieldValues.validate(command.customFields(), settings.customFieldsByKey(), requireAll);
        List<String> tagNames = TagCatalogue.clean(command.tags(), "tags");
        Channel channel = command.channel() == null ? Channel.API : command.channel();

        Ticket ticket = new Ticket(numbers.next(), command.subject(), channel, customer,
                command.priority() == null ? Priority.P3 : command.priority(), departmentId, command.description(),
                openedBy, now);
        ticket.cameFrom(source);
        ticket.assign(departmentId, command.teamId(), command.assigneeId(), openedBy, now);
        ticket.classify(complaintType, openedBy, now);
        ticket.confirmProblem(blankToNull(command.confirmedProblem()), openedBy, now);
        ticket.recordDemand(blankToNull(command.demand()), command.demandDeadline(), openedBy, now);
        ticket.referTo(blankToNull(command.productRef()), blankToNull(command.orderRef()), openedBy, now);
        ticket.setCustomFields(customFields, openedBy, now);
        tags.ensure(tagNames);
        ticket.replaceTags(tagNames, openedBy, now);
        events.publishEvent(new TicketEvents.TicketOpening(ticket));
        entityManager.persist(ticket);
        entityManager.flush();
        TimelineEntry firstWords = ticket.entries().stream()
                .filter(e -> e.getKind() == TimelineEntry.Kind.CUSTOMER_MESSAGE).findFirst().orElse(null);
        if (!attached.isEmpty()) {
            attachments.attach(Objects.requireNonNull(firstWords, "a new ticket has the customer's words"), attached);
        }

        events.publishEvent(new TicketEvents.TicketOpened(ticket.getId(), ticket.getNumber(), channel, customer.getId(),
                departmentId, command.priority() != null, firstWords == null ? null : firstWords.getId(),
                firstWords == null ? null : firstWords.getBody()));
        meters.counter("kefu.tickets.opened", "channel", channel.name()).increment();
        meters.counter("kefu.messages.received", "channel", channel.name()).increment();
        return ticket;
    }

    private Customer customer(NewTicket command) {
        if (command.customerId() != null) {
            try {
                Customer customer = customers.get(command.customerId());
                if (customer.getMergedIntoId() != null) {
                    return customers.get(customer.getMergedIntoId());
                }
                return customer;
            } catch (NotFoundException e) {
                throw InvalidRequestException.of("customerId", "no customer " + command.customerId());
            }
        }
        if (command.customer() != null) {
            return customers.findOrCreateByEmail(command.customer().email(), command.customer().name());
        }
        throw new InvalidRequestException(List.of(new FieldProblem("customerId", "give customerId or customer.email")));
    }

    /** Checks department, team and assignee exist and fit together; returns the department. */
    private long placement(NewTicket command) {
        return TicketPlacement.check(agents, command.departmentId(), command.teamId(), command.assigneeId());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Placement checks shared by intake and assignment. */
    static final class TicketPlacement {

        private TicketPlacement() {
        }

        static long check(AgentDirectory agents, Long departmentId, Long teamId, Long assigneeId) {
            long department;
            if (departmentId != null) {
                try {
                    department = agents.department(departmentId).getId();
                } catch (NotFoundException e) {
                    throw InvalidRequestException.of("departmentId", "no department " + departmentId);
                }
            } else if (teamId != null) {
                department = team(agents, teamId).getDepartment().getId();
            } else {
                department = agents.defaultDepartmentId();
            }
            if (teamId != null && team(agents, teamId).getDepartment().getId() != department) {
                throw InvalidRequestException.of("teamId", "team " + teamId + " is not in department " + department);
            }
            if (assigneeId != null) {
                try {
                    if (!agents.get(assigneeId).isActive()) {
                        throw InvalidRequestException.of("assigneeId", "agent " + assigneeId + " is deactivated");
                    }
                } catch (NotFoundException e) {
                    throw InvalidRequestException.of("assigneeId", "no agent " + assigneeId);
                }
            }
            return department;
        }

        private static Team team(AgentDirectory agents, long teamId) {
            try {
                return agents.team(teamId);
            } catch (NotFoundException e) {
                throw InvalidRequestException.of("teamId", "no team " + teamId);
            }
        }
    }
}
