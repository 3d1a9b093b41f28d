package org.kefu.agent;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.kefu.platform.Actor;
import org.kefu.platform.security.ActorPrincipal;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Form sign-in of agents with email and password. */
@Service
class AgentSignIn implements UserDetailsService {

    private final Agents agents;
    private final Clock clock;

    AgentSignIn(Agents agents, Clock clock) {
        this.agents = agents;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Agent agent = agents.findByEmail(username.strip().toLowerCase(Locale.ROOT))
                .filter(a -> a.getPasswordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
        boolean locked = agent.getLockedUntil() != null && agent.getLockedUntil().isAfter(clock.instant());
        return new AgentUser(agent.getEmail(), agent.getPasswordHash(), agent.isActive(), !locked, agent.toActor());
    }

    @EventListener
    @Transactional
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AgentUser user) {
            agents.findById(user.actor().id()).ifPresent(a -> a.signedIn(clock.instant()));
        }
    }

    static final class AgentUser extends User implements ActorPrincipal {

        private final Actor actor;

        AgentUser(String email, String passwordHash, boolean enabled, boolean nonLocked, Actor actor) {
            super(email, passwordHash, enabled, true, true, nonLocked,
                    List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
            this.actor = actor;
        }

        @Override
        public Actor actor() {
            return actor;
        }
    }
}
