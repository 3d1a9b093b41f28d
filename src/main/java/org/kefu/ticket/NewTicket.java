package org.kefu.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kefu.platform.Channel;

/**
 * A customer problem to open a ticket for. The customer is given by id, or by email (found, or
 * created with the given name). The description is the customer's own words.
 */
public record NewTicket(
        @NotBlank @Size(max = 500) String subject,
        @NotBlank @Size(max = 200_000) String description,
        Channel channel,
        Long customerId,
        @Valid CustomerRef customer,
        Priority priority,
        @Size(max = 40) String complaintType,
        @Size(max = 1000) String confirmedProblem,
        @Size(max = 4000) String demand,
        Instant demandDeadline,
        @Size(max = 200) String productRef,
        @Size(max = 200) String orderRef,
        @Size(max = 50) List<String> tags,
        Map<String, Object> customFields,
        Long departmentId,
        Long teamId,
        Long assigneeId) {

    public NewTicket {
        tags = tags == null ? List.of() : tags;
        customFields = customFields == null ? Map.of() : customFields;
    }

    /** A customer named inline by email (and optionally name and phone). */
    public record CustomerRef(@NotBlank @Email @Size(max = 320) String email, @Size(max = 200) String name) {
    }
}
