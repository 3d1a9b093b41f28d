package org.kefu.channel.webhook;

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

/** A gateway that posts messages to {@code /api/v1/channels/webhook/{key}} and receives replies at its callback URL. */
@Entity
@Table(name = "webhook_channel")
public class WebhookChannel {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_seq")
    @SequenceGenerator(name = "channel_seq", sequenceName = "channel_seq", allocationSize = 50)
    Long id;

    @Column(nullable = false)
    String name;

    @Column(name = "channel_key", nullable = false, unique = true)
    String key;

    @Column(name = "secret_cipher", nullable = false)
    String secretCipher;

    @Column(name = "callback_url")
    String callbackUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    WebhookSource source;

    @Column(name = "department_id")
    Long departmentId;

    @Column(name = "team_id")
    Long teamId;

    @Column(nullable = false)
    boolean active;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected WebhookChannel() {
    }

    WebhookChannel(String name, String key, String secretCipher, String callbackUrl, WebhookSource source,
            Long departmentId, Long teamId, Instant now) {
        this.name = name;
        this.key = key;
        this.secretCipher = secretCipher;
        this.callbackUrl = callbackUrl;
        this.source = source;
        this.departmentId = departmentId;
        this.teamId = teamId;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(String name, String callbackUrl, WebhookSource source, Long departmentId, Long teamId, boolean active,
            Instant now) {
        this.name = name;
        this.callbackUrl = callbackUrl;
        this.source = source;
        this.departmentId = departmentId;
        this.teamId = teamId;
        this.active = active;
        this.updatedAt = now;
    }

    void replaceSecret(String secretCipher, Instant now) {
        this.secretCipher = secretCipher;
        this.updatedAt = now;
    }

    String secretCipher() {
        return secretCipher;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getKey() {
        return key;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public WebhookSource getSource() {
        return source;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public Long getTeamId() {
        return teamId;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
