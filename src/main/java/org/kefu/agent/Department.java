package org.kefu.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A department (部门). Tickets belong to one; agents see the tickets of theirs. */
@Entity
@Table(name = "department")
public class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "department_seq")
    @SequenceGenerator(name = "department_seq", sequenceName = "department_seq", allocationSize = 50)
    Long id;

    @Column(nullable = false, unique = true)
    String code;

    @Column(nullable = false)
    String name;

    /** New tickets that name no department land in the default one. */
    @Column(name = "default_flag", nullable = false)
    boolean defaultDepartment;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected Department() {
    }

    public Department(String code, String name, boolean defaultDepartment, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.defaultDepartment = defaultDepartment;
        this.createdAt = createdAt;
    }

    void rename(String name) {
        this.name = name;
    }

    void markDefault(boolean value) {
        this.defaultDepartment = value;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isDefaultDepartment() {
        return defaultDepartment;
    }
}
