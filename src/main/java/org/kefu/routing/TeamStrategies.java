package org.kefu.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kefu.platform.reference.ReferenceCache;
import org.kefu.platform.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each team's assignment strategy (table routing_team); a team without a row is MANUAL. Which teams assign
 * automatically is cached on each node (routing.team-strategies) for the checks on every ticket change.
 */
@Repository
class TeamStrategies {

    private final JdbcClient jdbc;
    private final ReferenceCache<Set<Long>> automaticTeams;

    TeamStrategies(JdbcClient jdbc, ReferenceData references) {
        this.jdbc = jdbc;
        this.automaticTeams = references.cache("routing.team-strategies", () -> Set.copyOf(automaticTeams()));
    }

    /** Whether the team hands out its tickets itself, from this node's cache. */
    boolean automatic(long teamId) {
        return automaticTeams.get().contains(teamId);
    }

    TeamStrategy of(long teamId) {
        return jdbc.sql("select strategy from routing_team where team_id = ?").param(teamId).query(String.class).optional()
                .map(TeamStrategy::valueOf).orElse(TeamStrategy.MANUAL);
    }

    Map<Long, TeamStrategy> all() {
        Map<Long, TeamStrategy> result = new HashMap<>();
        jdbc.sql("select team_id, strategy from routing_team").query((rs, n) -> {
            result.put(rs.getLong(1), TeamStrategy.valueOf(rs.getString(2)));
            return null;
        }).list();
        return result;
    }

    List<Long> automaticTeams() {
        return jdbc.sql("select team_id from routing_team where strategy <> 'MANUAL' order by team_id").query(Long.class).list();
    }

    void set(long teamId, TeamStrategy strategy, Instant now) {
        int updated = jdbc.sql("update routing_team set strategy = ?, version = version + 1, updated_at = ? where team_id = ?")
                .params(strategy.name(), Timestamp.from(now), teamId).update();
        if (updated == 0) {
            jdbc.sql("insert into routing_team (team_id, strategy, version, updated_at) values (?, ?, 0, ?)")
                    .params(teamId, strategy.name(), Timestamp.from(now)).update();
        }
        automaticTeams.changed();
    }
}
