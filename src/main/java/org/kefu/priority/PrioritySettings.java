package org.kefu.priority;

import java.sql.Timestamp;
import java.time.Instant;
import org.kefu.platform.reference.ReferenceCache;
import org.kefu.platform.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of weights and thresholds (table priority_settings), cached on each node (kind priority.settings). */
@Repository
class PrioritySettings {

    private final JdbcClient jdbc;
    private final ReferenceCache<PriorityRules> cached;

    PrioritySettings(JdbcClient jdbc, ReferenceData references) {
        this.jdbc = jdbc;
        this.cached = references.cache("priority.settings", this::load);
    }

    PriorityRules rules() {
        return cached.get();
    }

    private PriorityRules load() {
        return jdbc.sql("""
                        select urgency_weight, impact_weight, value_weight, complexity_weight, p1_min, p2_min, p3_min
                        from priority_settings where id = 1""")
                .query((rs, n) -> new PriorityRules(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7)))
                .optional().orElse(PriorityRules.DEFAULTS);
    }

    void save(PriorityRules r, long actorId, Instant now) {
        jdbc.sql("""
                        update priority_settings set urgency_weight = ?, impact_weight = ?, value_weight = ?, complexity_weight = ?,
                            p1_min = ?, p2_min = ?, p3_min = ?, updated_at = ?, updated_by_id = ?
                        where id = 1""")
                .params(r.urgencyWeight(), r.impactWeight(), r.valueWeight(), r.complexityWeight(), r.p1Min(), r.p2Min(),
                        r.p3Min(), Timestamp.from(now), actorId)
                .update();
        cached.changed();
    }
}
