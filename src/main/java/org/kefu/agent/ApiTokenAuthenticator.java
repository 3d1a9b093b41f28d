package org.kefu.agent;

import org.kefu.platform.security.Secrets;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.kefu.platform.Actor;
import org.kefu.platform.security.TokenAuthenticator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks bearer tokens without a database round trip on every request: a usable token is kept
 * for a short time (default 30 s), keyed by its SHA-256 hash, together with the actor it stands
 * for. Revoking a token, or changing or deactivating its agent, evicts it on this node at once;
 * other nodes notice within the time to live. {@code last_used_at} is written at most once a
 * minute per token.
 */
@Component
class ApiTokenAuthenticator implements TokenAuthenticator {

    static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);

    private final ApiTokens tokens;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writes;
    private final Clock clock;
    private final Cache<String, KnownToken> known;
    /** Bumped by every eviction; a lookup that raced with one does not cache its possibly stale result. */
    private final AtomicLong evictions = new AtomicLong();

    ApiTokenAuthenticator(ApiTokens tokens, PlatformTransactionManager transactionManager, MeterRegistry meters, Clock clock,
            @Value("${kefu.api.token-cache.ttl:30s}") Duration ttl,
            @Value("${kefu.api.token-cache.max-size:10000}") long maxSize) {
        this.tokens = tokens;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.writes = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.known = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize).recordStats().build();
        CaffeineCacheMetrics.monitor(meters, known, "apiTokens");
    }

    /** A token known to be usable when it was cached, and when its use was last written down. */
    private record KnownToken(long tokenId, long agentId, Actor actor, Instant expiresAt, AtomicReference<Instant> lastUse) {

        boolean expiredAt(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }

    @Override
    public Optional<Actor> authenticate(String rawToken) {
        String hash = Secrets.sha256Hex(rawToken);
        Instant now = clock.instant();
        KnownToken token = known.getIfPresent(hash);
        if (token == null) {
            long generation = evictions.get();
            token = load(hash, now);
            if (token == null) {
                return Optional.empty();
            }
            if (generation == evictions.get()) {
                known.put(hash, token);
            }
        }
        if (token.expiredAt(now)) {
            known.invalidate(hash);
            return Optional.empty();
        }
        recordUse(token, now);
        return Optional.of(token.actor());
    }

    private KnownToken load(String hash, Instant now) {
        return readOnly.execute(status -> tokens.findByHashWithAgent(hash)
                .filter(t -> t.isUsableAt(now))
                .map(t -> new KnownToken(t.getId(), t.getAgent().getId(), t.getAgent().toActor(), t.getExpiresAt(),
                        new AtomicReference<>(t.getLastUsedAt())))
                .orElse(null));
    }

    private void recordUse(KnownToken token, Instant now) {
        Instant last = token.lastUse().get();
        if (last != null && Duration.between(last, now).compareTo(USE_RECORDING_INTERVAL) < 0) {
            return;
        }
        if (token.lastUse().compareAndSet(last, now)) {
            writes.executeWithoutResult(status -> tokens.recordUse(token.tokenId(), now));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AgentEvents.ApiTokenRevoked revoked) {
        forget(revoked.tokenId(), null);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AgentEvents.AgentRoleChanged changed) {
        forget(null, changed.agentId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AgentEvents.AgentPlacementChanged changed) {
        forget(null, changed.agentId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AgentEvents.AgentDeactivated deactivated) {
        forget(null, deactivated.agentId());
    }

    private void forget(Long tokenId, Long agentId) {
        evictions.incrementAndGet();
        known.asMap().values().removeIf(t -> (tokenId != null && t.tokenId() == tokenId)
                || (agentId != null && t.agentId() == agentId));
    }
}
