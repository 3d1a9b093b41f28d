package org.kefu.agent;

import org.kefu.platform.security.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.kefu.platform.Actor;
import org.kefu.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and revokes API tokens ({@link ApiTokenAuthenticator} checks them). A token is 32 random bytes shown once; the desk keeps
 * only its SHA-256 hash (a slow password hash is not needed for random secrets of this length).
 */
@Service
@Transactional
public class IssuingApiTokens {

    static final String PREFIX = "kefu_";

    private final ApiTokens tokens;
    private final Agents agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IssuingApiTokens(ApiTokens tokens, Agents agents, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    /** A new token and, once only, its secret value. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    public IssuedToken issue(long agentId, String name, Instant expiresAt, Long actorId) {
        return issueWithValue(agentId, name, PREFIX + Secrets.newSecret(),
                expiresAt, actorId);
    }

    /** For provisioning only: a token whose value was chosen outside (KEFU_BOOTSTRAP_API_TOKEN). */
    IssuedToken issueWithValue(long agentId, String name, String secret, Instant expiresAt, Long actorId) {
        Agent agent = agents.findById(agentId).orElseThrow(() -> new NotFoundException("Agent", agentId));
        ApiToken token = tokens.save(new ApiToken(agent, name, Secrets.sha256Hex(secret),
                secret.substring(0, Math.min(9, secret.length())), expiresAt, actorId, clock.instant()));
        events.publishEvent(new AgentEvents.ApiTokenCreated(token.getId(), agentId, name, actorId));
        return new IssuedToken(token, secret);
    }

    public ApiToken revoke(long tokenId, Actor actor) {
        ApiToken token = tokens.findById(tokenId).orElseThrow(() -> new NotFoundException("API token", tokenId));
        if (token.getRevokedAt() == null) {
            token.revoke(clock.instant());
            events.publishEvent(new AgentEvents.ApiTokenRevoked(tokenId, token.getAgent().getId(), token.getName(), actor.id()));
        }
        return token;
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return tokens.findAllWithAgent();
    }

    @Transactional(readOnly = true)
    public ApiToken get(long id) {
        return tokens.findById(id).orElseThrow(() -> new NotFoundException("API token", id));
    }

    @Transactional(readOnly = true)
    public boolean anyExists() {
        return tokens.count() > 0;
    }

}
