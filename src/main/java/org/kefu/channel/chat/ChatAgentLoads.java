package org.kefu.channel.chat;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many chats each agent has open. {@link #take} is one conditional update, so two accepts at
 * the same moment (on any node) can never push an agent above the maximum.
 */
@Repository
class ChatAgentLoads {

    private final JdbcClient jdbc;

    ChatAgentLoads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One more chat for the agent if below {@code max}; false if the agent is full. */
    boolean take(long agentId, int max) {
        jdbc.sql("insert into chat_agent_load (agent_id, active) values (?, 0) on conflict do nothing").param(agentId).update();
        return jdbc.sql("update chat_agent_load set active = active + 1 where agent_id = ? and active < ?")
                .params(agentId, max).update() == 1;
    }

    void release(long agentId) {
        jdbc.sql("update chat_agent_load set active = active - 1 where agent_id = ? and active > 0").param(agentId).update();
    }

    int of(long agentId) {
        return jdbc.sql("select active from chat_agent_load where agent_id = ?").param(agentId).query(Integer.class)
                .optional().orElse(0);
    }

    Map<Long, Integer> of(Collection<Long> agentIds) {
        Map<Long, Integer> loads = new HashMap<>();
        if (agentIds.isEmpty()) {
            return loads;
        }
        jdbc.sql("select agent_id, active from chat_agent_load where agent_id in (:ids)").param("ids", agentIds)
                .query((rs, n) -> loads.put(rs.getLong(1), rs.getInt(2))).list();
        return loads;
    }
}
