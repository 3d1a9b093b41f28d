package org.kefu.channel.email;

import org.kefu.platform.security.SecretBox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.Team;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import org.kefu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins set up mailboxes: where mail is fetched (IMAP), where replies go out (SMTP), which
 * address they come from and where new tickets land. Passwords are write-only: stored encrypted,
 * never read back; a blank password on change keeps the stored one.
 */
@Service
@Transactional
public class ManagingMailboxes {

    static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.\\-:\\[\\]]{1,255}$");

    private final Mailboxes mailboxes;
    private final SecretBox secrets;
    private final AgentDirectory agents;
    private final MailConnections connections;
    private final EmailOutbox outbox;
    private final InboundFailures failures;
    private final int maxFailures;
    private final Clock clock;

    ManagingMailboxes(Mailboxes mailboxes, SecretBox secrets, AgentDirectory agents, MailConnections connections,
            EmailOutbox outbox, InboundFailures failures,
            @org.springframework.beans.factory.annotation.Value("${kefu.email.imap.max-failures:5}") int maxFailures,
            Clock clock) {
        this.outbox = outbox;
        this.failures = failures;
        this.maxFailures = maxFailures;
        this.mailboxes = mailboxes;
        this.secrets = secrets;
        this.agents = agents;
        this.connections = connections;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Mailbox> list() {
        return mailboxes.list().stream().map(Mailboxes.Row::mailbox).toList();
    }

    @Transactional(readOnly = true)
    public Mailbox get(long id) {
        return row(id).mailbox();
    }

    @Transactional(readOnly = true)
    public OutboxCounts outboxCounts() {
        return new OutboxCounts(outbox.count(OutgoingMail.Status.PENDING), outbox.count(OutgoingMail.Status.FAILED));
    }

    /** Mails of the mailbox that failed intake {@code kefu.email.imap.max-failures} times and are skipped (left unread). */
    @Transactional(readOnly = true)
    public long skippedMails(long mailboxId) {
        return failures.skipped(mailboxId, maxFailures);
    }

    public Mailbox create(MailboxInput input) {
        Instant now = clock.instant();
        Mailbox m = validate(0, input, 0, now, null);
        String imap = blank(input.imapPassword()) ? null : secrets.encrypt(input.imapPassword());
        String smtp = blank(input.smtpPassword()) ? null : secrets.encrypt(input.smtpPassword());
        return get(mailboxes.insert(m, imap, smtp, now));
    }

    /** Changes a mailbox; {@code version} is the one the admin saw (null: no check). */
    public Mailbox update(long id, MailboxInput input, Long version) {
        Mailboxes.Row current = row(id);
        long expected = version == null ? current.mailbox().version() : version;
        Instant now = clock.instant();
        Mailbox m = validate(id, input, expected, now, current.mailbox());
        String imap = Boolean.TRUE.equals(input.clearImapPassword()) ? null
                : blank(input.imapPassword()) ? current.imapPasswordSealed() : secrets.encrypt(input.imapPassword());
        String smtp = Boolean.TRUE.equals(input.clearSmtpPassword()) ? null
                : blank(input.smtpPassword()) ? current.smtpPasswordSealed() : secrets.encrypt(input.smtpPassword());
        if (!mailboxes.update(m, imap, smtp, expected, now)) {
            throw new ConflictException("The mailbox was changed by someone else meanwhile; reload and try again.",
                    java.util.Map.of("currentVersion", current.mailbox().version()));
        }
        return get(id);
    }

    public void delete(long id) {
        row(id);
        mailboxes.delete(id);
    }

    /** Tries to sign in to the IMAP and SMTP servers of a saved mailbox; never throws for a server problem. */
    @Transactional(readOnly = true)
    public ConnectionCheck testConnection(long id) {
        Mailboxes.Row row = row(id);
        String imap = null;
        String smtp = null;
        if (row.mailbox().receives()) {
            imap = connections.checkImap(imapServer(row));
        }
        if (row.mailbox().sends()) {
            smtp = connections.checkSmtp(smtpServer(row));
        }
        return new ConnectionCheck(row.mailbox().receives(), imap, row.mailbox().sends(), smtp);
    }

    /**
     * The result of {@link #testConnection(long)}: for each side whether it is configured and the
     * problem (null when it worked).
     */
    public record ConnectionCheck(boolean imapConfigured, String imapProblem, boolean smtpConfigured, String smtpProblem) {

        public boolean ok() {
            return (!imapConfigured || imapProblem == null) && (!smtpConfigured || smtpProblem == null);
        }
    }

    MailServer imapServer(Mailboxes.Row row) {
        Mailbox m = row.mailbox();
        return new MailServer(m.imapHost(), m.imapPort(), m.imapSecurity(), m.imapUser(), secrets.decrypt(row.imapPasswordSealed()));
    }

    MailServer smtpServer(Mailboxes.Row row) {
        Mailbox m = row.mailbox();
        return new MailServer(m.smtpHost(), m.smtpPort(), m.smtpSecurity(), m.smtpUser(), secrets.decrypt(row.smtpPasswordSealed()));
    }

    private Mailboxes.Row row(long id) {
        return mailboxes.find(id).orElseThrow(() -> new NotFoundException("Mailbox", id));
    }

    private Mailbox validate(long id, MailboxInput in, long version, Instant now, Mailbox current) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = strip(in.name());
        if (name == null || name.length() > 100) {
            problems.add(new FieldProblem("name", "give a name of 1 to 100 characters"));
        }
        String from = strip(in.fromAddress());
        if (from == null || from.length() > 320 || !ADDRESS.matcher(from).matches()) {
            problems.add(new FieldProblem("fromAddress", "give the address replies are sent from, e.g. support@example.com"));
        }
        String imapHost = host(in.imapHost(), "imapHost", problems);
        String smtpHost = host(in.smtpHost(), "smtpHost", problems);
        MailSecurity imapSecurity = in.imapSecurity() == null ? MailSecurity.SSL : in.imapSecurity();
        MailSecurity smtpSecurity = in.smtpSecurity() == null ? MailSecurity.SSL : in.smtpSecurity();
        int imapPort = port(in.imapPort(), imapSecurity == MailSecurity.SSL ? 993 : 143, "imapPort", problems);
        int smtpPort = port(in.smtpPort(), smtpSecurity == MailSecurity.SSL ? 465 : 587, "smtpPort", problems);
        String imapUser = limited(in.imapUser(), 320, "imapUser", problems);
        String smtpUser = limited(in.smtpUser(), 320, "smtpUser", problems);
        String folder = limited(in.imapFolder(), 200, "imapFolder", problems);
        String processed = limited(in.processedFolder(), 200, "processedFolder", problems);
        if (in.imapPassword() != null && in.imapPassword().length() > 500) {
            problems.add(new FieldProblem("imapPassword", "at most 500 characters"));
        }
        if (in.smtpPassword() != null && in.smtpPassword().length() > 500) {
            problems.add(new FieldProblem("smtpPassword", "at most 500 characters"));
        }
        int interval = in.pollIntervalSeconds() == null ? 60 : in.pollIntervalSeconds();
        if (interval < 10 || interval > 86_400) {
            problems.add(new FieldProblem("pollIntervalSeconds", "between 10 and 86400 seconds"));
        }
        Long departmentId = in.departmentId();
        if (in.teamId() != null) {
            try {
                Team team = agents.team(in.teamId());
                if (departmentId == null) {
                    departmentId = team.getDepartment().getId();
                } else if (!team.getDepartment().getId().equals(departmentId)) {
                    problems.add(new FieldProblem("teamId", "team " + in.teamId() + " is not in department " + departmentId));
                }
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("teamId", "no team " + in.teamId()));
            }
        }
        if (departmentId != null) {
            try {
                agents.department(departmentId);
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("departmentId", "no department " + departmentId));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Mailbox(id, name, from.toLowerCase(Locale.ROOT), imapHost, imapPort, imapSecurity, imapUser, false,
                folder == null ? "INBOX" : folder, processed, smtpHost, smtpPort, smtpSecurity, smtpUser, false, departmentId,
                in.teamId(), interval, in.acknowledge() == null || in.acknowledge(), in.active() == null || in.active(),
                current == null ? null : current.lastPolledAt(), current == null ? null : current.lastPollError(), version,
                now, now);
    }

    private static String host(String value, String field, List<FieldProblem> problems) {
        String host = strip(value);
        if (host != null && !HOST.matcher(host).matches()) {
            problems.add(new FieldProblem(field, "not a host name"));
        }
        return host;
    }

    private static int port(Integer value, int fallback, String field, List<FieldProblem> problems) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > 65_535) {
            problems.add(new FieldProblem(field, "a port between 1 and 65535"));
        }
        return value;
    }

    private static String limited(String value, int max, String field, List<FieldProblem> problems) {
        String s = strip(value);
        if (s != null && s.length() > max) {
            problems.add(new FieldProblem(field, "at most " + max + " characters"));
        }
        return s;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
