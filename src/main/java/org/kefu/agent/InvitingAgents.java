package org.kefu.agent;

import org.kefu.platform.security.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.mail.SystemMail;
import org.kefu.platform.web.SupportedLocales;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites agents: the account is created without a password and a one-time link to set one is
 * mailed to the agent. The link holds 32 random bytes; the desk keeps only their SHA-256 hash.
 * A link works once and for {@link #VALID_FOR}; a newer invitation of the same agent replaces it.
 */
@Service
@Transactional
public class InvitingAgents {

    public static final Duration VALID_FOR = Duration.ofHours(24);
    public static final int MIN_PASSWORD_LENGTH = 10;
    private final AgentDirectory directory;
    private final Invitations invitations;
    private final PasswordEncoder passwords;
    private final SystemMail mail;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvitingAgents(AgentDirectory directory, Invitations invitations, PasswordEncoder passwords, SystemMail mail,
            MessageSource messages, ApplicationEventPublisher events, Clock clock) {
        this.directory = directory;
        this.invitations = invitations;
        this.passwords = passwords;
        this.mail = mail;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates the account (without a password, whatever the command says) and mails the link.
     * {@code baseUrl} is where the desk is reached, e.g. https://kefu.example.com.
     */
    public Agent invite(NewAgent command, Actor actor, String baseUrl) {
        NewAgent withoutPassword = new NewAgent(command.email(), command.displayName(), command.role(), null,
                command.maxLoad(), command.locale(), command.timeZone(), command.departmentIds(), command.teamIds(),
                command.skills());
        Agent agent = directory.create(withoutPassword, actor.id());
        sendLink(agent, actor.id(), baseUrl);
        return agent;
    }

    /** Mails a fresh link to an agent who has not set a password yet; older links stop working. */
    public Agent resend(long agentId, Actor actor, String baseUrl) {
        Agent agent = directory.get(agentId);
        if (agent.getPasswordHash() != null) {
            throw new ConflictException("This agent has already set a password.");
        }
        if (!agent.isActive()) {
            throw new ConflictException("This agent is deactivated; reactivate the account first.");
        }
        sendLink(agent, actor.id(), baseUrl);
        return agent;
    }

    /** The invited agent behind a link, if the link still works. */
    @Transactional(readOnly = true)
    public Optional<Agent> invitee(String token) {
        Instant now = clock.instant();
        return find(token).filter(i -> i.isUsableAt(now)).map(Invitation::getAgent);
    }

    /**
     * Sets the first password and uses up the link. Returns the agent, or empty when the link is
     * unknown, used or expired (the caller cannot tell which: that is on purpose).
     */
    public Optional<Agent> accept(String token, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200) {
            throw InvalidRequestException.of("password", "must be 10 to 200 characters");
        }
        Instant now = clock.instant();
        Optional<Invitation> invitation = find(token).filter(i -> i.isUsableAt(now));
        invitation.ifPresent(i -> {
            i.use(now);
            i.getAgent().setPasswordHash(passwords.encode(password), now);
            events.publishEvent(new AgentEvents.PasswordChanged(i.getAgent().getId()));
        });
        return invitation.map(Invitation::getAgent);
    }

    private Optional<Invitation> find(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return invitations.findByTokenHash(Secrets.sha256Hex(token));
    }

    private void sendLink(Agent agent, Long actorId, String baseUrl) {
        Instant now = clock.instant();
        invitations.findOpenByAgent(agent.getId()).forEach(i -> i.use(now));
        String token = Secrets.newSecret();
        invitations.save(new Invitation(agent, Secrets.sha256Hex(token), actorId, now, now.plus(VALID_FOR)));
        String link = stripSlash(baseUrl) + "/invite/accept?token=" + token;
        Locale locale = SupportedLocales.parse(agent.getLocale());
        mail.send(agent.getEmail(), messages.getMessage("admin.invite.mail.subject", null, locale),
                messages.getMessage("admin.invite.mail.body", new Object[] {agent.getDisplayName(), link,
                        VALID_FOR.toHours()}, locale));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
