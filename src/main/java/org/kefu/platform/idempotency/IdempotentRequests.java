package org.kefu.platform.idempotency;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.UnprocessableException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a create request at most once per {@code Idempotency-Key} and caller. The key's row is
 * written first in the same transaction as what it creates, so two racing requests with one key
 * meet on the unique index: the loser waits, then returns the winner's result.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";

    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(EntityManager entityManager, TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** What a create call returned, and whether it was replayed from an earlier call. */
    public record Outcome<T>(T value, boolean replayed) {
    }

    /**
     * @param create creates the resource in the current transaction and returns its id
     * @param load   reads the resource for the response (also for a replay)
     */
    public <T> Outcome<T> execute(long principalId, String key, String resourceType, Object request,
            LongSupplier create, LongFunction<T> load) {
        Outcome<Long> created = execute(principalId, key, resourceType, request, create::getAsLong, Long::longValue,
                id -> id);
        return new Outcome<>(load.apply(created.value()), created.replayed());
    }

    /**
     * Like {@link #execute(long, String, String, Object, LongSupplier, LongFunction)}, but the first
     * call answers with what {@code create} built inside its transaction, with no second read.
     *
     * @param create creates the resource in the current transaction and returns the response for it
     * @param idOf   the id of the created resource, remembered for replays
     * @param load   reads the resource for the response of a replay
     */
    public <T> Outcome<T> execute(long principalId, String key, String resourceType, Object request,
            Supplier<T> create, ToLongFunction<T> idOf, LongFunction<T> load) {
        if (key == null) {
            return new Outcome<>(transactions.execute(status -> create.get()), false);
        }
        if (key.isBlank() || key.length() > 200) {
            throw InvalidRequestException.of(HEADER, "must be 1 to 200 characters");
        }
        String hash = hash(resourceType, request);
        for (int attempt = 0; attempt < 3; attempt++) {
            IdempotencyRecord existing = find(principalId, key);
            if (existing != null) {
                return replay(existing, resourceType, hash, load);
            }
            try {
                T created = transactions.execute(status -> {
                    IdempotencyRecord record = new IdempotencyRecord(principalId, key, hash, resourceType, clock.instant());
                    entityManager.persist(record);
                    entityManager.flush();
                    T value = create.get();
                    record.completedWith(idOf.applyAsLong(value));
                    return value;
                });
                return new Outcome<>(created, false);
            } catch (RuntimeException e) {
                // Either another request with this key committed first (then its row exists now and
                // the next round replays it), or the create itself failed, which the caller must see.
                if (find(principalId, key) == null) {
                    throw e;
                }
            }
        }
        throw new ConflictException("A request with this Idempotency-Key is still being processed. Retry shortly.");
    }

    private <T> Outcome<T> replay(IdempotencyRecord existing, String resourceType, String hash, LongFunction<T> load) {
        if (!existing.requestHash().equals(hash) || !existing.resourceType().equals(resourceType)) {
            throw new UnprocessableException("This Idempotency-Key was already used for a different request.");
        }
        if (existing.resourceId() == null) {
            throw new ConflictException("A request with this Idempotency-Key is still being processed. Retry shortly.");
        }
        return new Outcome<>(load.apply(existing.resourceId()), true);
    }

    private IdempotencyRecord find(long principalId, String key) {
        return transactions.execute(status -> {
            List<IdempotencyRecord> found = entityManager.createQuery(
                            "select r from IdempotencyRecord r where r.principalId = :p and r.key = :k", IdempotencyRecord.class)
                    .setParameter("p", principalId)
                    .setParameter("k", key)
                    .getResultList();
            return found.isEmpty() ? null : found.getFirst();
        });
    }

    private String hash(String resourceType, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(resourceType.getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
