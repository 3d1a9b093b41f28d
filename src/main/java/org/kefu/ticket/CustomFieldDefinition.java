package org.kefu.ticket;

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
import java.util.List;
import tools.jackson.core.type.TypeReference;

/** A ticket field an admin defined: its key, label, type and, for selects, the options. */
@Entity
@Table(name = "custom_field")
public class CustomFieldDefinition {

    public enum Type {
        TEXT, NUMBER, DATE, SELECT, MULTI_SELECT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "custom_field_seq")
    @SequenceGenerator(name = "custom_field_seq", sequenceName = "custom_field_seq", allocationSize = 50)
    Long id;

    @Column(name = "field_key", nullable = false, unique = true)
    String key;

    @Column(nullable = false)
    String label;

    @Enumerated(EnumType.STRING)
    @Column(name = "field_type", nullable = false)
    Type type;

    @Column(length = 10000)
    String options;

    @Column(nullable = false)
    boolean required;

    @Column(nullable = false)
    boolean active = true;

    @Column(nullable = false)
    int position;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected CustomFieldDefinition() {
    }

    public CustomFieldDefinition(String key, String label, Type type, List<String> options, boolean required, int position,
            Instant createdAt) {
        this.key = key;
        this.label = label;
        this.type = type;
        this.options = options == null || options.isEmpty() ? null : JsonColumn.JSON.writeValueAsString(options);
        this.required = required;
        this.position = position;
        this.createdAt = createdAt;
    }

    void change(String label, List<String> options, Boolean required, Boolean active, Integer position) {
        if (label != null) {
            this.label = label;
        }
        if (options != null) {
            this.options = options.isEmpty() ? null : JsonColumn.JSON.writeValueAsString(options);
        }
        if (required != null) {
            this.required = required;
        }
        if (active != null) {
            this.active = active;
        }
        if (position != null) {
            this.position = position;
        }
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getLabel() {
        return label;
    }

    public Type getType() {
        return type;
    }

    public List<String> getOptions() {
        return options == null ? List.of() : JsonColumn.JSON.readValue(options, new TypeReference<List<String>>() {
        });
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isActive() {
        return active;
    }

    public int getPosition() {
        return position;
    }
}
