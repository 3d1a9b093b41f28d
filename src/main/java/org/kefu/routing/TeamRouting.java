package org.kefu.routing;

/** A team and how it hands out tickets. */
public record TeamRouting(long teamId, String teamName, long departmentId, String departmentName, TeamStrategy strategy) {
}
