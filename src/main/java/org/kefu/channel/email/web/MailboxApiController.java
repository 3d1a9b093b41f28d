package org.kefu.channel.email.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.kefu.channel.email.MailSecurity;
import org.kefu.channel.email.Mailbox;
import org.kefu.channel.email.MailboxInput;
import org.kefu.channel.email.ManagingMailboxes;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/channels/email/mailboxes")
@Tag(name = "Email mailboxes", description = "Mailboxes the desk fetches mail from (IMAP) and sends replies through (SMTP). Admin only")
class MailboxApiController {

    private final ManagingMailboxes mailboxes;

    MailboxApiController(ManagingMailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    /** A mailbox without its passwords: only whether one is stored. */
    record MailboxView(long id, String name, String fromAddress, Server imap, String imapFolder, String processedFolder,
            Server smtp, Long departmentId, Long teamId, int pollIntervalSeconds, boolean acknowledge, boolean active,
            Instant lastPolledAt, String lastPollError, long version) {

        record Server(String host, int port, MailSecurity security, String user, boolean passwordSet) {
        }

        static MailboxView of(Mailbox m) {
            return new MailboxView(m.id(), m.name(), m.fromAddress(),
                    new Server(m.imapHost(), m.imapPort(), m.imapSecurity(), m.imapUser(), m.imapPasswordSet()),
                    m.imapFolder(), m.processedFolder(),
                    new Server(m.smtpHost(), m.smtpPort(), m.smtpSecurity(), m.smtpUser(), m.smtpPasswordSet()),
                    m.departmentId(), m.teamId(), m.pollIntervalSeconds(), m.acknowledge(), m.active(), m.lastPolledAt(),
                    m.lastPollError(), m.version());
        }
    }

    /**
     * Settings of a mailbox. Passwords are write-only: null or "" keeps the stored one, {@code clearImapPassword}
     * / {@code clearSmtpPassword} remove it. {@code version} (on PUT) guards against overwriting someone's change.
     */
    record MailboxRequest(String name, String fromAddress, String imapHost, Integer imapPort, MailSecurity imapSecurity,
            String imapUser, String imapPassword, Boolean clearImapPassword, String imapFolder, String processedFolder,
            String smtpHost, Integer smtpPort, MailSecurity smtpSecurity, String smtpUser, String smtpPassword,
            Boolean clearSmtpPassword, Long departmentId, Long teamId, Integer pollIntervalSeconds, Boolean acknowledge,
            Boolean active, Long version) {

        MailboxInput input() {
            return new MailboxInput(name, fromAddress, imapHost, imapPort, imapSecurity, imapUser, imapPassword,
                    clearImapPassword, imapFolder, processedFolder, smtpHost, smtpPort, smtpSecurity, smtpUser, smtpPassword,
                    clearSmtpPassword, departmentId, teamId, pollIntervalSeconds, acknowledge, active);
        }
    }

    @GetMapping
    @Operation(summary = "List mailboxes (admin); passwords are never returned")
    List<MailboxView> list(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return mailboxes.list().stream().map(MailboxView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One mailbox (admin)")
    MailboxView get(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return MailboxView.of(mailboxes.get(id));
    }

    @PostMapping
    @Operation(summary = "Create a mailbox (admin). Security SSL|STARTTLS|NONE; ports default to 993/465 (SSL) or 143/587; "
            + "new tickets land in departmentId/teamId (else the default department); pollIntervalSeconds 10..86400")
    ResponseEntity<MailboxView> create(@RequestBody MailboxRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        MailboxView view = MailboxView.of(mailboxes.create(body.input()));
        return ResponseEntity.created(URI.create("/api/v1/channels/email/mailboxes/" + view.id())).body(view);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a mailbox's settings (admin); blank passwords keep the stored ones; 409 on a stale version")
    MailboxView replace(@PathVariable long id, @RequestBody MailboxRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return MailboxView.of(mailboxes.update(id, body.input(), body.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a mailbox (admin); its tickets and threads stay")
    void delete(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        mailboxes.delete(id);
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Sign in to the mailbox's IMAP and SMTP servers and report what failed (admin)")
    ManagingMailboxes.ConnectionCheck test(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return mailboxes.testConnection(id);
    }
}
