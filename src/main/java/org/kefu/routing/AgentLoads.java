package org.kefu.routing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-agent row (routing_agent_load) that serialises automatic assignments to one agent: whoever
 * holds its lock counts the agent's load afresh and may add one ticket, so two decisions at the same
 * instant cannot both take the last free slot.
 */
@Repository
class AgentLoads {

    /** The agent as seen under the lock. */
    record Locked(long agentId, boolean available, int load, int maxLoad) {

        boolean hasRoom() {
            return available && load < maxLoad;
        }
    }

    private final JdbcClient jdbc;

    AgentLoads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the agent's row until the transaction ends and reads presence, maximum and load afresh. */
    Optional<Locked> lock(long agentId) {
        jdbc.sql("insert into routing_agent_load (agent_id, assignments) values (?, 0) on conflict do nothing")
                .param(agentId).update();
        jdbc.sql("select agent_id from routing_agent_load where agent_id = ? for update").param(agentId).query(Long.class).single();
        record Agent(boolean available, int maxLoad) {
        }
        return jdbc.sql("select presence, active, max_load from agent where id = ?").param(agentId)
                .query((rs, n) -> new Agent("AVAILABLE".equals(rs.getString(1)) && rs.getBoolean(2), rs.getInt(3)))
                .optional()
                .map(a -> new Locked(agentId, a.available(), load(agentId), a.maxLoad()));
    }

    int load(long agentId) {
        return jdbc.sql("select count(*) from ticket where assignee_id = ? and status in " + TeamMembers.WORKING_STATUSES)
                .param(agentId).query(Integer.class).single();
    }

    void assigned(long agentId, Instant at) {
        jdbc.sql("update routing_agent_load set last_assigned_at = ?, assignments = assignments + 1 where agent_id = ?")
                .params(Timestamp.from(at), agentId).update();
    }
}
