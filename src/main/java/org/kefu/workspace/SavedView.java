package org.kefu.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;

/** An agent's named set of ticket filters; only its owner sees it. */
@Entity
@Table(name = "saved_view")
public class SavedView {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saved_view_seq")
    @SequenceGenerator(name = "saved_view_seq", sequenceName = "saved_view_seq", allocationSize = 50)
    Long id;

    @Column(name = "agent_id", nullable = false)
    Long agentId;

    @Column(nullable = false, length = 80)
    String name;

    @Column(nullable = false, length = 4000)
    String filters;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected SavedView() {
    }

    SavedView(long agentId, String name, ViewFilters filters, Instant now) {
        this.agentId = agentId;
        this.name = name;
        this.filters = JSON.writeValueAsString(filters);
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String newName, Instant now) {
        this.name = newName;
        this.updatedAt = now;
    }

    void refilter(ViewFilters newFilters, Instant now) {
        this.filters = JSON.writeValueAsString(newFilters);
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getAgentId() {
        return agentId;
    }

    public String getName() {
        return name;
    }

    public ViewFilters getFilters() {
        return JSON.readValue(filters, ViewFilters.class);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
