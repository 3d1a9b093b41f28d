package org.kefu.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What kind of complaint a ticket is: the built-in 服务失误 / 产品缺陷 / 客户误解 and any an admin adds.
 * Types are deactivated, never deleted, so old tickets keep their meaning.
 */
@Entity
@Table(name = "complaint_type")
public class ComplaintType {

    public static final String SERVICE_ERROR = "SERVICE_ERROR";
    public static final String PRODUCT_DEFECT = "PRODUCT_DEFECT";
    public static final String CUSTOMER_MISUNDERSTANDING = "CUSTOMER_MISUNDERSTANDING";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "complaint_type_seq")
    @SequenceGenerator(name = "complaint_type_seq", sequenceName = "complaint_type_seq", allocationSize = 50)
    Long id;

    @Column(nullable = false, unique = true)
    String code;

    @Column(name = "name_zh_cn", nullable = false)
    String nameZhCn;

    @Column(name = "name_zh_tw", nullable = false)
    String nameZhTw;

    @Column(name = "name_en", nullable = false)
    String nameEn;

    @Column(nullable = false)
    boolean builtin;

    @Column(nullable = false)
    boolean active = true;

    @Column(nullable = false)
    int position;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected ComplaintType() {
    }

    ComplaintType(String code, String nameZhCn, String nameZhTw, String nameEn, int position, Instant createdAt) {
        this.code = code;
        this.nameZhCn = nameZhCn;
        this.nameZhTw = nameZhTw;
        this.nameEn = nameEn;
        this.position = position;
        this.createdAt = createdAt;
    }

    void rename(String nameZhCn, String nameZhTw, String nameEn) {
        this.nameZhCn = nameZhCn;
        this.nameZhTw = nameZhTw;
        this.nameEn = nameEn;
    }

    void arrange(int position, boolean active) {
        this.position = position;
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameZhCn() {
        return nameZhCn;
    }

    public String getNameZhTw() {
        return nameZhTw;
    }

    public String getNameEn() {
        return nameEn;
    }

    public boolean isBuiltin() {
        return builtin;
    }

    public boolean isActive() {
        return active;
    }

    public int getPosition() {
        return position;
    }
}
