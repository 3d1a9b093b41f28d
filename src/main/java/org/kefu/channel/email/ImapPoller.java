package org.kefu.channel.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Fetches unread mail from the active mailboxes whose poll interval has passed (db-scheduler task
 * "email-imap-poll", one node at a time). Each message goes through {@link EmailIntake} in its own
 * transaction and is flagged \Seen (or moved to the processed folder) only after that committed.
 * If the desk dies in between, the message is fetched again and recognised by its Message-ID, so
 * nothing is taken in twice. A message whose intake fails is counted and left unread; after
 * {@code kefu.email.imap.max-failures} tries it is skipped. Nothing here ever stops the poller.
 */
@Component
class ImapPoller {

    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

    private final Mailboxes mailboxes;
    private final ManagingMailboxes managing;
    private final MailConnections connections;
    private final EmailIntake intake;
    private final InboundFailures failures;
    private final Clock clock;
    private final int maxFailures;
    private final int maxPerPoll;
    private final long maxBytes;
    private final java.util.concurrent.ConcurrentHashMap<Long, java.util.concurrent.locks.ReentrantLock> locks =
            new java.util.concurrent.ConcurrentHashMap<>();

    ImapPoller(Mailboxes mailboxes, ManagingMailboxes managing, MailConnections connections, EmailIntake intake,
            InboundFailures failures, Clock clock, @Value("${kefu.email.imap.max-failures:5}") int maxFailures,
            @Value("${kefu.email.imap.max-per-poll:200}") int maxPerPoll,
            @Value("${kefu.email.inbound.max-bytes:25MB}") DataSize maxBytes) {
        this.mailboxes = mailboxes;
        this.managing = managing;
        this.connections = connections;
        this.intake = intake;
        this.failures = failures;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.maxPerPoll = maxPerPoll;
        this.maxBytes = maxBytes.toBytes();
    }

    /** Polls every active IMAP mailbox that is due at {@code now}; returns how many mails were taken in. */
    int pollDue(Instant now) {
        int taken = 0;
        for (Mailboxes.Row row : mailboxes.active()) {
            Mailbox m = row.mailbox();
            if (!m.receives() || m.lastPolledAt() != null && m.lastPolledAt().plusSeconds(m.pollIntervalSeconds()).isAfter(now)) {
                continue;
            }
            taken += poll(row);
        }
        return taken;
    }

    /**
     * Fetches the mailbox's unread mail now; a server problem is recorded on the mailbox, not thrown.
     * The poll task and the IDLE listener of a mailbox take turns (one poll of a mailbox at a time per node).
     */
    int poll(Mailboxes.Row row) {
        java.util.concurrent.locks.ReentrantLock lock = locks.computeIfAbsent(row.mailbox().id(),
                id -> new java.util.concurrent.locks.ReentrantLock());
        lock.lock();
        try {
            return pollNow(row);
        } finally {
            lock.unlock();
        }
    }

    private int pollNow(Mailboxes.Row row) {
        Mailbox m = row.mailbox();
        int taken = 0;
        String error = null;
        try (Store store = connections.openImap(managing.imapServer(row))) {
            Folder folder = store.getFolder(m.imapFolder());
            folder.open(Folder.READ_WRITE);
            try {
                taken = fetch(m, folder, store);
            } finally {
                folder.close(m.processedFolder() != null); // expunge what was moved
            }
        } catch (MessagingException | RuntimeException e) {
            error = MailConnections.describe(e);
            log.warn("Mailbox {} ({}) could not be polled: {}", m.id(), m.name(), error);
        }
        mailboxes.polled(m.id(), clock.instant(), error);
        return taken;
    }

    private int fetch(Mailbox m, Folder folder, Store store) throws MessagingException {
        UIDFolder uids = (UIDFolder) folder;
        long validity = uids.getUIDValidity();
        Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        Arrays.sort(unread, Comparator.comparingInt(Message::getMessageNumber));
        int taken = 0;
        int handled = 0;
        for (Message message : unread) {
            if (handled >= maxPerPoll) {
                break;
            }
            long uid = uids.getUID(message);
            if (failures.attempts(m.id(), validity, uid) >= maxFailures) {
                continue;
            }
            handled++;
            try {
                byte[] raw = raw(message);
                intake.receive(raw, m.id());
                failures.succeeded(m.id(), validity, uid);
                taken++;
            } catch (Exception e) {
                String reason = MailConnections.describe(e);
                log.warn("Mail UID {} of mailbox {} could not be taken in: {}", uid, m.id(), reason);
                failures.failed(m.id(), validity, uid, header(message, "Message-ID"), header(message, "Subject"), reason,
                        clock.instant());
                continue;
            }
            markDone(m, folder, store, message);
        }
        return taken;
    }

    /** After the commit: \Seen, and moved if the mailbox says so. A failure here only means a harmless refetch. */
    void markDone(Mailbox m, Folder folder, Store store, Message message) {
        try {
            message.setFlag(Flags.Flag.SEEN, true);
            if (m.processedFolder() != null) {
                Folder target = store.getFolder(m.processedFolder());
                if (!target.exists()) {
                    target.create(Folder.HOLDS_MESSAGES);
                }
                folder.copyMessages(new Message[] {message}, target);
                message.setFlag(Flags.Flag.DELETED, true);
            }
        } catch (MessagingException | RuntimeException e) {
            log.warn("Mail of mailbox {} was taken in but could not be flagged; it is recognised when fetched again: {}",
                    m.id(), MailConnections.describe(e));
        }
    }

    private byte[] raw(Message message) throws MessagingException, IOException {
        int size = message.getSize();
        if (size > maxBytes) {
            throw new IOException("the message has " + size + " bytes, more than kefu.email.inbound.max-bytes (" + maxBytes + ")");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, size));
        message.writeTo(out);
        return out.toByteArray();
    }

    private static String header(Message message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }
}
