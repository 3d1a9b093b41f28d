package org.kefu.collaboration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A question to ask a department from a ticket; the assignee (in that department) and due time are optional. */
public record NewTask(@NotBlank @Size(max = 4000) String question, @NotNull Long departmentId, Long assigneeId,
                      Instant dueAt) {
}
