package org.kefu.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.kefu.platform.Channel;

/**
 * One thing on a ticket's timeline: a customer message, a reply, an internal note or an event.
 * Entries are written once and never changed or deleted, so nothing anyone wrote is lost.
 */
@Entity
@Immutable
@Table(name = "timeline_entry")
public class TimelineEntry {

    public enum Kind {
        CUSTOMER_MESSAGE, REPLY, NOTE, EVENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timeline_entry_seq")
    @SequenceGenerator(name = "timeline_entry_seq", sequenceName = "timeline_entry_seq", allocationSize = 50)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_type", nullable = false)
    Author.Type authorType;

    @Column(name = "author_id")
    Long authorId;

    @Column(name = "author_name")
    String authorName;

    @Enumerated(EnumType.STRING)
    Channel channel;

    // indexed with the ticket by TicketTextBinder
    @Column(length = 1_000_000)
    String body;

    @Column(name = "event_type")
    String eventType;

    /** The longest event data the column holds. */
    static final int EVENT_DATA_LENGTH = 4000;

    @Column(name = "event_data", length = EVENT_DATA_LENGTH)
    String eventData;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected TimelineEntry() {
    }

    TimelineEntry(Ticket ticket, Kind kind, Author author, Channel channel, String body, String eventType,
            String eventData, Instant createdAt) {
        this.ticket = ticket;
        this.kind = kind;
        this.authorType = author.type();
        this.authorId = author.id();
        this.authorName = author.name();
        this.channel = channel;
        this.body = body;
        this.eventType = eventType;
        this.eventData = eventData;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Ticket getTicket() {
        return ticket;
    }

    public Kind getKind() {
        return kind;
    }

    public Author getAuthor() {
        return new Author(authorType, authorId, authorName);
    }

    public Channel getChannel() {
        return channel;
    }

    public String getBody() {
        return body;
    }

    public String getEventType() {
        return eventType;
    }

    public String getEventData() {
        return eventData;
    }

    /** Only for an event not yet stored (a ticket's CREATED event taking in what is set while it is opened). */
    void replaceEventData(String eventData) {
        if (id != null) {
            throw new IllegalStateException("timeline entry " + id + " is stored; the timeline is append-only");
        }
        this.eventData = eventData;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
