package org.kefu.routing;

import java.time.Instant;

/**
 * A team's queue: unassigned tickets that need work (NEW, OPEN, REOPENED), and who could take them.
 *
 * @param oldestWaitingSince creation time of the oldest waiting ticket; null when the queue is empty
 * @param availableAgents    members who are AVAILABLE and below their maximum load
 */
public record TeamQueue(long teamId, String teamName, String departmentName, TeamStrategy strategy, long waiting,
                        Instant oldestWaitingSince, int members, int availableAgents) {
}
