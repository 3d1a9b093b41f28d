package org.kefu.portal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A customer's portal password (optional: links work without one) and its lock-out state. */
@Entity
@Table(name = "portal_account")
class PortalAccount {

    @Id
    @Column(name = "customer_id")
    Long customerId;

    @Column(name = "password_hash", length = 200)
    String passwordHash;

    @Column(name = "failed_attempts", nullable = false)
    int failedAttempts;

    @Column(name = "locked_until")
    Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected PortalAccount() {
    }

    PortalAccount(long customerId, Instant now) {
        this.customerId = customerId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void choosePassword(String hash, Instant now) {
        this.passwordHash = hash;
        this.failedAttempts = 0;
        this.lockedUntil = null;
        this.updatedAt = now;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a wrong password; the {@code maxAttempts}-th in a row locks the account. True if it locked now. */
    boolean signInFailed(Instant now, int maxAttempts, Duration lockFor) {
        failedAttempts++;
        updatedAt = now;
        if (failedAttempts >= maxAttempts) {
            failedAttempts = 0;
            lockedUntil = now.plus(lockFor);
            return true;
        }
        return false;
    }

    void signedIn(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        updatedAt = now;
    }

    /** A link sign-in proves the mailbox: it also lifts a lock-out. */
    void unlock(Instant now) {
        signedIn(now);
    }

    long getCustomerId() {
        return customerId;
    }

    String getPasswordHash() {
        return passwordHash;
    }
}
