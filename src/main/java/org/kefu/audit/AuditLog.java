package org.kefu.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kefu.platform.Cursor;
import org.kefu.platform.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.kefu.platform.RequestOrigin;

/** Writes and reads the audit log. */
@Service
public class AuditLog {

    private final EntityManager entityManager;
    private final Clock clock;

    AuditLog(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public void record(Long actorId, String actorLabel, String action, String targetType, Object targetId, String detail) {
        entityManager.persist(new AuditEvent(clock.instant(), actorId, actorLabel, action, targetType,
                targetId == null ? null : String.valueOf(targetId), detail, RequestOrigin.remoteAddress()));
    }

    /** Newest first; filter by action, actor and time range. */
    @Transactional(readOnly = true)
    public Slice<AuditEvent> list(String action, Long actorId, Instant from, Instant to, String cursor, int limit) {
        StringBuilder jpql = new StringBuilder("select a from AuditEvent a where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (action != null) {
            jpql.append(" and a.action = :action");
            params.put("action", action);
        }
        if (actorId != null) {
            jpql.append(" and a.actorId = :actor");
            params.put("actor", actorId);
        }
        if (from != null) {
            jpql.append(" and a.occurredAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            jpql.append(" and a.occurredAt < :to");
            params.put("to", to);
        }
        if (cursor != null) {
            Cursor position = Cursor.decode(cursor, "-occurredAt");
            jpql.append(" and (a.occurredAt < :cAt or (a.occurredAt = :cAt and a.id < :cId))");
            params.put("cAt", Instant.parse(position.value()));
            params.put("cId", position.id());
        }
        jpql.append(" order by a.occurredAt desc, a.id desc");
        TypedQuery<AuditEvent> query = entityManager.createQuery(jpql.toString(), AuditEvent.class);
        params.forEach(query::setParameter);
        List<AuditEvent> rows = query.setMaxResults(limit + 1).getResultList();
        return Slice.fromOverfetch(rows, limit, a -> new Cursor("-occurredAt", a.getOccurredAt().toString(), a.getId()));
    }

}
