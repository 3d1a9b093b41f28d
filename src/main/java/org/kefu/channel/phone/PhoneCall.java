package org.kefu.channel.phone;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.kefu.customer.PhoneNumbers;

/** One call with a customer, logged on a ticket. */
@Entity
@Table(name = "phone_call")
public class PhoneCall {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_seq")
    @SequenceGenerator(name = "channel_seq", sequenceName = "channel_seq", allocationSize = 50)
    Long id;

    @Column(name = "ticket_id", nullable = false)
    long ticketId;

    @Column(name = "customer_id")
    Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    CallDirection direction;

    /** The customer's number. */
    @Column(nullable = false)
    String number;

    @Column(name = "number_digits", nullable = false)
    String numberDigits;

    /** The desk's number (the line called or calling), when known. */
    @Column(name = "other_number")
    String otherNumber;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "ended_at")
    Instant endedAt;

    @Column(name = "duration_seconds")
    Integer durationSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    CallOutcome outcome;

    String notes;

    @Column(name = "recording_url")
    String recordingUrl;

    @Column(name = "agent_id")
    Long agentId;

    @Column(name = "logged_by")
    String loggedBy;

    @Column(name = "external_call_id")
    String externalCallId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected PhoneCall() {
    }

    PhoneCall(long ticketId, Long customerId, CallDirection direction, String number, String otherNumber,
            Instant startedAt, Instant endedAt, Integer durationSeconds, CallOutcome outcome, String notes,
            String recordingUrl, Long agentId, String loggedBy, String externalCallId, Instant now) {
        this.ticketId = ticketId;
        this.customerId = customerId;
        this.direction = direction;
        this.number = number;
        this.numberDigits = PhoneNumbers.digits(number);
        this.otherNumber = otherNumber;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.durationSeconds = durationSeconds;
        this.outcome = outcome;
        this.notes = notes;
        this.recordingUrl = recordingUrl;
        this.agentId = agentId;
        this.loggedBy = loggedBy;
        this.externalCallId = externalCallId;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getTicketId() {
        return ticketId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public CallDirection getDirection() {
        return direction;
    }

    public String getNumber() {
        return number;
    }

    public String getOtherNumber() {
        return otherNumber;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Integer getDurationSeconds() {
        return durationSeconds;
    }

    public CallOutcome getOutcome() {
        return outcome;
    }

    public String getNotes() {
        return notes;
    }

    public String getRecordingUrl() {
        return recordingUrl;
    }

    public Long getAgentId() {
        return agentId;
    }

    public String getLoggedBy() {
        return loggedBy;
    }

    public String getExternalCallId() {
        return externalCallId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
