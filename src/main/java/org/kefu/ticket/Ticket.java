package org.kefu.ticket;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.kefu.customer.Customer;
import org.kefu.platform.Channel;
import org.kefu.platform.ConflictException;
import org.kefu.platform.search.KefuAnalysisConfigurer;

/**
 * One customer problem, from first contact to closing. State changes go through guarded
 * methods that check the lifecycle and write the timeline; there are no setters for state.
 */
@Entity
@Table(name = "ticket")
@Indexed(index = "ticket")
@TypeBinding(binder = @TypeBinderRef(type = TicketTextBinder.class))
public class Ticket {

    @Id
    @DocumentId
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
    @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 50)
    Long id;

    @Transient
    private Opening opening;

    @KeywordField(normalizer = KefuAnalysisConfigurer.KEYWORD, projectable = Projectable.YES)
    @Column(nullable = false, unique = true)
    String number;

    // indexed by TicketTextBinder, with the entries' bodies
    @Column(nullable = false, length = 500)
    String subject;

    @GenericField
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Channel channel;

    @IndexedEmbedded(includePaths = {"name", "emails.email", "emails.email_text", "phones.phoneDigits"})
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    Customer customer;

    @GenericField
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    TicketStatus status;

    @GenericField
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Priority priority;

    @Column(name = "confirmed_problem", length = 1000)
    String confirmedProblem;

    @Column(length = 4000)
    String demand;

    @Column(name = "demand_deadline")
    Instant demandDeadline;

    @GenericField
    @Column(name = "complaint_type")
    String complaintType;

    @Column(name = "product_ref")
    String productRef;

    @Column(name = "order_ref")
    String orderRef;

    @Convert(converter = JsonColumn.class)
    @Column(name = "custom_fields", length = 100_000)
    Map<String, Object> customFields = new LinkedHashMap<>();

    @GenericField
    @Column(name = "assignee_id")
    Long assigneeId;

    @GenericField
    @Column(name = "team_id")
    Long teamId;

    @GenericField
    @Column(name = "department_id", nullable = false)
    Long departmentId;

    @GenericField
    @Column(name = "merged_into_id")
    Long mergedIntoId;

    /**
     * Where in its channel the ticket came in, as the channel names it (an email ticket: its mailbox id;
     * chat: the chat channel's key; webhook: the webhook channel's key); null for the rest. Set once at
     * opening, for routing rules.
     */
    @Column(name = "source", length = 200, updatable = false)
    String source;

    @KeywordField
    @ElementCollection
    @CollectionTable(name = "ticket_tag", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "tag")
    Set<String> tags = new LinkedHashSet<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    List<TimelineEntry> entries = new ArrayList<>();

    @GenericField(sortable = Sortable.YES)
    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @GenericField(sortable = Sortable.YES)
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "first_response_at")
    Instant firstResponseAt;

    @Column(name = "resolved_at")
    Instant resolvedAt;

    @Column(name = "closed_at")
    Instant closedAt;

    /**
     * The earliest due time of the ticket's running SLA clocks, for "due soonest" lists. Written only by
     * the sla module (it owns the clocks): into the insert of a new ticket ({@link #startSlaDue}), and then by
     * its own updates; never by an update of this entity, so a ticket save cannot overwrite it.
     */
    @Column(name = "sla_next_due_at", updatable = false)
    Instant slaNextDueAt;

    @Version
    long version;

    protected Ticket() {
    }

    /** Where in its channel the ticket came in (a mailbox id, a chat or webhook channel key), or null. */
    public String getSource() {
        return source;
    }

    void cameFrom(String source) {
        this.source = source == null || source.isBlank() ? null : source.strip();
    }

    /** A new ticket, opened with the customer's own words as its first timeline entry. */
    public Ticket(TicketNumber number, String subject, Channel channel, Customer customer, Priority priority,
            long departmentId, String customerWords, Author openedBy, Instant now) {
        this.number = number.value();
        this.subject = requireText(subject, "subject");
        this.channel = Objects.requireNonNull(channel);
        this.customer = Objects.requireNonNull(customer);
        this.priority = Objects.requireNonNull(priority);
        this.departmentId = departmentId;
        this.status = TicketStatus.NEW;
        this.createdAt = now;
        this.updatedAt = now;
        Author customerAuthor = Author.customer(customer.getId(), customer.getName());
        append(new TimelineEntry(this, TimelineEntry.Kind.CUSTOMER_MESSAGE, customerAuthor, channel,
                requireText(customerWords, "description"), null, null, now));
        if (openedBy.type() != Author.Type.CUSTOMER) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("channel", channel.name());
            opening = new Opening(openedBy, now, data, recordEvent(openedBy, TicketEventType.CREATED, data, now));
        }
    }

    // ---- lifecycle -------------------------------------------------------------------------

    public void changeStatus(TicketStatus target, Author by, Instant now) {
        requireNotMerged();
        if (target == status) {
            return;
        }
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(status, target);
        }
        moveTo(target, by, now);
    }

    private void moveTo(TicketStatus target, Author by, Instant now) {
        TicketStatus from = status;
        status = target;
        if (target == TicketStatus.RESOLVED) {
            resolvedAt = now;
        } else if (target == TicketStatus.CLOSED) {
            closedAt = now;
        } else if (target == TicketStatus.REOPENED) {
            resolvedAt = null;
        }
        recordEvent(by, TicketEventType.STATUS_CHANGED, change("status", from.name(), target.name()), now);
    }

    // ---- conversation -------------------------------------------------------------------------

    /** A message from the customer; it brings a waiting or resolved ticket back to the desk. */
    public TimelineEntry receiveCustomerMessage(String body, Channel via, Instant now) {
        requireNotMerged();
        if (status == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket " + number + " is closed; a new message needs a new (follow-up) ticket.",
                    Map.of("currentStatus", status.name()));
        }
        TimelineEntry entry = append(new TimelineEntry(this, TimelineEntry.Kind.CUSTOMER_MESSAGE,
                Author.customer(customer.getId(), customer.getName()), via, requireText(body, "body"), null, null, now));
        if (status.isPending()) {
            moveTo(TicketStatus.OPEN, Author.SYSTEM, now);
        } else if (status == TicketStatus.RESOLVED) {
            moveTo(TicketStatus.REOPENED, Author.SYSTEM, now);
        }
        return entry;
    }

    /** An agent's public reply to the customer. */
    public TimelineEntry reply(String body, Author agent, Instant now) {
        requireNotMerged();
        if (status == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket " + number + " is closed; replies are no longer possible.",
                    Map.of("currentStatus", status.name()));
        }
        TimelineEntry entry = append(new TimelineEntry(this, TimelineEntry.Kind.REPLY, agent, channel,
                requireText(body, "body"), null, null, now));
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        if (status == TicketStatus.NEW || status == TicketStatus.REOPENED) {
            moveTo(TicketStatus.OPEN, Author.SYSTEM, now);
        }
        return entry;
    }

    /** An internal note: agents only, never shown to the customer. Allowed in every state. */
    public TimelineEntry note(String body, Author agent, Instant now) {
        return append(new TimelineEntry(this, TimelineEntry.Kind.NOTE, agent, null, requireText(body, "body"), null, null, now));
    }

    // ---- fields -------------------------------------------------------------------------------

    public void changeSubject(String subject, Author by, Instant now) {
        String clean = requireText(subject, "subject");
        if (!clean.equals(this.subject)) {
            recordEvent(by, TicketEventType.FIELD_CHANGED, change("subject", this.subject, clean), now);
            this.subject = clean;
        }
    }

    public void changePriority(Priority priority, Author by, Instant now) {
        if (priority != this.priority) {
            recordEvent(by, TicketEventType.PRIORITY_CHANGED, change("priority", this.priority.name(), priority.name()), now);
            this.priority = priority;
        }
    }

    public void confirmProblem(String confirmedProblem, Author by, Instant now) {
        if (!Objects.equals(confirmedProblem, this.confirmedProblem)) {
            recordEvent(by, TicketEventType.FIELD_CHANGED, change("confirmedProblem", this.confirmedProblem, confirmedProblem), now);
            this.confirmedProblem = confirmedProblem;
        }
    }

    public void recordDemand(String demand, Instant deadline, Author by, Instant now) {
        if (!Objects.equals(demand, this.demand)) {
            recordEvent(by, TicketEventType.FIELD_CHANGED, change("demand", this.demand, demand), now);
            this.demand = demand;
        }
        if (!Objects.equals(deadline, this.demandDeadline)) {
            recordEvent(by, TicketEventType.FIELD_CHANGED, change("demandDeadline",
                    this.demandDeadline == null ? null : this.demandDeadline.toString(),
                    deadline == null ? null : deadline.toString()), now);
            this.demandDeadline = deadline;
        }
    }

    public void classify(String complaintType, Author by, Instant now) {
        if (!Objects.equals(complaintType, this.complaintType)) {
            recordEvent(by, TicketEventType.FIELD_CHANGED, change("complaintType", this.complaintType, complaintType), now);
            this.complaintType = complaintType;
        }
    }

    public void referTo(String productRef, String orderRef, Author by, Instant now) {
        if (!Objects.equals(productRef, this.productRef)) {
            recordEvent(by, TicketEventType.FIELD_CHANGED, change("productRef", this.productRef, productRef), now);
            this.productRef = productRef;
        }
        if (!Objects.equals(orderRef, this.orderRef)) {
            recordEvent(by, TicketEventType.FIELD_CHANGED, change("orderRef", this.orderRef, orderRef), now);
            this.orderRef = orderRef;
        }
    }

    /** Sets validated custom field values; a null value removes the field. */
    public void setCustomFields(Map<String, Object> values, Author by, Instant now) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object old = customFields.get(e.getKey());
            if (!CustomFieldValues.same(old, e.getValue())) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("field", "customFields." + e.getKey());
                data.put("from", old);
                data.put("to", e.getValue());
                recordEvent(by, TicketEventType.FIELD_CHANGED, data, now);
                if (e.getValue() == null) {
                    customFields.remove(e.getKey());
                } else {
                    customFields.put(e.getKey(), e.getValue());
                }
            }
        }
    }

    public void replaceTags(Collection<String> newTags, Author by, Instant now) {
        Set<String> next = new LinkedHashSet<>(newTags);
        if (!next.equals(tags)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("added", next.stream().filter(t -> !tags.contains(t)).toList());
            data.put("removed", tags.stream().filter(t -> !next.contains(t)).toList());
            recordEvent(by, TicketEventType.TAGS_CHANGED, data, now);
            tags.clear();
            tags.addAll(next);
        }
    }

    /** Places the ticket with a department, team and assignee (each may be null but the department). */
    public void assign(long departmentId, Long teamId, Long assigneeId, Author by, Instant now) {
        if (departmentId != this.departmentId) {
            recordEvent(by, TicketEventType.ASSIGNED, change("departmentId", this.departmentId, departmentId), now);
            this.departmentId = departmentId;
        }
        if (!Objects.equals(teamId, this.teamId)) {
            recordEvent(by, TicketEventType.ASSIGNED, change("teamId", this.teamId, teamId), now);
            this.teamId = teamId;
        }
        if (!Objects.equals(assigneeId, this.assigneeId)) {
            recordEvent(by, TicketEventType.ASSIGNED, change("assigneeId", this.assigneeId, assigneeId), now);
            this.assigneeId = assigneeId;
        }
    }

    /** Moves the ticket to another customer record (after the two were merged). */
    void changeCustomer(Customer newCustomer, Author by, Instant now) {
        if (!newCustomer.getId().equals(customer.getId())) {
            recordEvent(by, TicketEventType.CUSTOMER_CHANGED, change("customerId", customer.getId(), newCustomer.getId()), now);
            this.customer = newCustomer;
        }
    }

    // ---- merge and link -------------------------------------------------------------------------

    /** Folds this duplicate into {@code survivor}: it closes and points there; its timeline stays intact. */
    public void mergeInto(Ticket survivor, Author by, Instant now) {
        if (survivor == this || (id != null && id.equals(survivor.id))) {
            throw new ConflictException("A ticket cannot be merged into itself.");
        }
        requireNotMerged();
        survivor.requireNotMerged();
        if (survivor.status == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket " + survivor.number + " is closed; merge into an active ticket.");
        }
        if (status != TicketStatus.CLOSED) {
            TicketStatus from = status;
            status = TicketStatus.CLOSED;
            closedAt = now;
            recordEvent(by, TicketEventType.STATUS_CHANGED, change("status", from.name(), TicketStatus.CLOSED.name()), now);
        }
        mergedIntoId = survivor.id;
        recordEvent(by, TicketEventType.MERGED_INTO, reference(survivor), now);
        survivor.recordEvent(by, TicketEventType.MERGED_FROM, reference(this), now);
    }

    /** Points a ticket that was merged into this one's duplicate at this one, so chains stay one hop. */
    void adoptMerged(long survivorId) {
        this.mergedIntoId = survivorId;
    }

    void recordLink(String eventType, TicketLink.Kind kind, String role, Ticket other, Author by, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", kind.name());
        data.put("role", role);
        data.put("ticketId", other.id);
        data.put("number", other.number);
        recordEvent(by, eventType, data, now);
    }

    // ---- internals ------------------------------------------------------------------------------

    TimelineEntry recordEvent(Author by, String type, Map<String, ?> data, Instant now) {
        if (opening != null && id == null && opening.takesIn(by, type, now)) {
            if (opening.takeIn(type, data)) {
                return opening.event();
            }
            opening = null; // full: this and what follows are events of their own
        }
        return append(new TimelineEntry(this, TimelineEntry.Kind.EVENT, by, null, null, type, JsonColumn.write(data), now));
    }

    /**
     * The CREATED event of a ticket being opened by an agent or the system, until it is stored. What the opener sets in
     * the same moment (placement, fields, tags) goes into it under {@code initial}, each as the event it would have
     * been ({@code type}, {@code data}), instead of into entries of their own: one timeline row, not one per field.
     */
    private record Opening(Author by, Instant at, Map<String, Object> data, TimelineEntry event) {

        private static final Set<String> TAKEN_IN = Set.of(TicketEventType.ASSIGNED, TicketEventType.FIELD_CHANGED,
                TicketEventType.TAGS_CHANGED);

        boolean takesIn(Author author, String type, Instant time) {
            return TAKEN_IN.contains(type) && by.equals(author) && at.equals(time);
        }

        /** Adds the event to the CREATED event's data if the data still fits its column; says whether it did. */
        @SuppressWarnings("unchecked")
        boolean takeIn(String type, Map<String, ?> eventData) {
            List<Object> initial = new ArrayList<>((List<Object>) data.getOrDefault("initial", List.of()));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", type);
            item.put("data", eventData);
            initial.add(item);
            Map<String, Object> next = new LinkedHashMap<>(data);
            next.put("initial", initial);
            String json = JsonColumn.write(next);
            if (json.length() > TimelineEntry.EVENT_DATA_LENGTH) {
                return false;
            }
            data.put("initial", initial);
            event.replaceEventData(json);
            return true;
        }
    }

    private TimelineEntry append(TimelineEntry entry) {
        entries.add(entry);
        updatedAt = entry.getCreatedAt(); // also what tells the search index that the ticket's text changed (TicketTextBinder)
        return entry;
    }

    private void requireNotMerged() {
        if (mergedIntoId != null) {
            throw new ConflictException("Ticket " + number + " was merged into another ticket; work on that one.",
                    Map.of("mergedIntoId", mergedIntoId));
        }
    }

    private static Map<String, Object> reference(Ticket other) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticketId", other.id);
        data.put("number", other.number);
        return data;
    }

    private static Map<String, Object> change(String field, Object from, Object to) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("field", field);
        data.put("from", from);
        data.put("to", to);
        return data;
    }

    private static String requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw org.kefu.platform.InvalidRequestException.of(field, "must not be blank");
        }
        return text.strip();
    }

    // ---- reading --------------------------------------------------------------------------------

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getSubject() {
        return subject;
    }

    public Channel getChannel() {
        return channel;
    }

    public Customer getCustomer() {
        return customer;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public String getConfirmedProblem() {
        return confirmedProblem;
    }

    public String getDemand() {
        return demand;
    }

    public Instant getDemandDeadline() {
        return demandDeadline;
    }

    public String getComplaintType() {
        return complaintType;
    }

    public String getProductRef() {
        return productRef;
    }

    public String getOrderRef() {
        return orderRef;
    }

    public Map<String, Object> getCustomFields() {
        return Map.copyOf(customFields);
    }

    public Long getAssigneeId() {
        return assigneeId;
    }

    public Long getTeamId() {
        return teamId;
    }

    public long getDepartmentId() {
        return departmentId;
    }

    public Long getMergedIntoId() {
        return mergedIntoId;
    }

    public Set<String> getTags() {
        return Set.copyOf(tags);
    }

    /** The entries written through this instance plus those loaded; use the timeline query for reading. */
    List<TimelineEntry> entries() {
        return entries;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /**
     * The due time the new ticket's SLA clocks start with, for its insert (see {@link TicketEvents.TicketOpening});
     * refused once the ticket is saved, when only the sla module's updates may change it.
     */
    public void startSlaDue(Instant due) {
        if (id != null) {
            throw new IllegalStateException("ticket " + id + " is saved: its SLA due time is kept by the sla module");
        }
        this.slaNextDueAt = due;
    }

    public Instant getSlaNextDueAt() {
        return slaNextDueAt;
    }

    public Instant getFirstResponseAt() {
        return firstResponseAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
