package org.kefu.channel.email;

import java.time.Instant;

/**
 * A mailbox as admins see it. Passwords are never part of it: only whether one is stored.
 *
 * @param processedFolder IMAP folder a mail is moved to after it is committed, or null to leave it (flagged \Seen)
 * @param acknowledge     whether a new ticket from a person's mail gets a "we received your request" reply
 */
public record Mailbox(long id, String name, String fromAddress, String imapHost, int imapPort, MailSecurity imapSecurity,
        String imapUser, boolean imapPasswordSet, String imapFolder, String processedFolder, String smtpHost, int smtpPort,
        MailSecurity smtpSecurity, String smtpUser, boolean smtpPasswordSet, Long departmentId, Long teamId,
        int pollIntervalSeconds, boolean acknowledge, boolean active, Instant lastPolledAt, String lastPollError,
        long version, Instant createdAt, Instant updatedAt) {

    public boolean receives() {
        return imapHost != null;
    }

    public boolean sends() {
        return smtpHost != null;
    }
}
