package org.kefu.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The safety net: drains the queue of every automatic team, for work the event listeners missed (a
 * node stopped between commit and assignment, a change that publishes no event such as a raised
 * maximum load). Run by the db-scheduler task "routing-sweep" on one node at a time.
 */
@Component
class RoutingSweep {

    private static final Logger log = LoggerFactory.getLogger(RoutingSweep.class);

    private final TeamStrategies strategies;
    private final Assigning assigning;

    RoutingSweep(TeamStrategies strategies, Assigning assigning) {
        this.strategies = strategies;
        this.assigning = assigning;
    }

    /** Returns how many tickets were assigned. */
    int sweep() {
        int assigned = 0;
        for (Long teamId : strategies.automaticTeams()) {
            try {
                assigned += assigning.drain(teamId);
            } catch (RuntimeException e) {
                log.warn("Routing sweep could not drain team {}; it is retried on the next run", teamId, e);
            }
        }
        return assigned;
    }
}
