package org.kefu.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.kefu.platform.Actor;
import org.kefu.platform.security.ActorPrincipal;
import org.kefu.platform.security.FreshPrincipals;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Instant;
import org.kefu.platform.web.SupportedLocales;
import org.kefu.platform.web.UserPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Form sign-in of agents with email and password. After {@code kefu.sign-in.max-attempts} wrong
 * passwords in a row the account is locked for {@code kefu.sign-in.lock-minutes}.
 */
@Service
class AgentSignIn implements UserDetailsService, UserPreferences, FreshPrincipals {

    private static final Logger log = LoggerFactory.getLogger(AgentSignIn.class);

    private final Agents agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration lockFor;
    private final Duration recheck;

    AgentSignIn(Agents agents, ApplicationEventPublisher events, Clock clock, @Value("${kefu.sign-in.max-attempts:5}") int maxAttempts,
            @Value("${kefu.sign-in.lock-minutes:15}") int lockMinutes,
            @Value("${kefu.sign-in.session-recheck:5s}") Duration recheck) {
        this.agents = agents;
        this.events = events;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.lockFor = Duration.ofMinutes(lockMinutes);
        this.recheck = recheck;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Agent agent = agents.findByEmail(normalise(username))
                .filter(a -> a.getPasswordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        boolean locked = agent.getLockedUntil() != null && agent.getLockedUntil().isAfter(clock.instant());
        return new AgentUser(agent.getEmail(), agent.getPasswordHash(), agent.isActive(), !locked, agent.toActor(),
                SupportedLocales.parse(agent.getLocale()), zone(agent.getTimeZone()), agent.getVersion());
    }

    /**
     * Compares the session's account version with the database's, at most once per
     * {@code kefu.sign-in.session-recheck} (default 5 s) per agent on this node, so a page request costs no query most of the time.
     */
    @Override
    @Transactional(readOnly = true)
    public Optional<UserDetails> refreshIfChanged(ActorPrincipal principal) {
        if (!(principal instanceof AgentUser user)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Checked last = checked.get(user.actor().id());
        long current;
        if (last != null && last.at().plus(recheck).isAfter(now)) {
            current = last.version();
        } else {
            Optional<Agent> agent = agents.findById(user.actor().id());
            if (agent.isEmpty()) {
                return Optional.of(new AgentUser(user.getUsername(), "", false, false, user.actor(), null, null, -1));
            }
            current = agent.get().getVersion();
            checked.put(user.actor().id(), new Checked(current, now));
        }
        if (current == user.version) {
            return Optional.empty();
        }
        checked.remove(user.actor().id());
        try {
            return Optional.of(loadUserByUsername(user.getUsername()));
        } catch (UsernameNotFoundException e) {
            return Optional.of(new AgentUser(user.getUsername(), "", false, false, user.actor(), null, null, -1));
        }
    }

    private record Checked(long version, Instant at) {
    }

    private final Map<Long, Checked> checked = new ConcurrentHashMap<>();

    @EventListener
    @Transactional
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AgentUser user) {
            agents.findById(user.actor().id()).ifPresent(a -> a.signedIn(clock.instant()));
        }
    }

    @EventListener
    @Transactional
    void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String email) {
            agents.findByEmail(normalise(email)).ifPresent(agent -> {
                if (agent.signInFailed(clock.instant(), maxAttempts, lockFor)) {
                    log.warn("Agent {} locked for {} after {} wrong passwords", agent.getId(), lockFor, maxAttempts);
                    events.publishEvent(new AgentEvents.AgentLockedOut(agent.getId(), agent.getEmail()));
                }
            });
        }
    }

    @Override
    @Transactional
    public void languageChosen(long userId, Locale locale) {
        agents.findById(userId).ifPresent(a -> a.chooseLocale(SupportedLocales.tag(locale), clock.instant()));
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static final class AgentUser extends User implements ActorPrincipal {

        private final Actor actor;
        private final Locale locale;
        private final ZoneId zone;
        private final long version;

        AgentUser(String email, String passwordHash, boolean enabled, boolean nonLocked, Actor actor, Locale locale,
                ZoneId zone, long version) {
            super(email, passwordHash, enabled, true, true, nonLocked,
                    List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
            this.actor = actor;
            this.locale = locale;
            this.zone = zone;
            this.version = version;
        }

        @Override
        public Actor actor() {
            return actor;
        }

        @Override
        public Locale locale() {
            return locale;
        }

        @Override
        public ZoneId zone() {
            return zone;
        }
    }
}
