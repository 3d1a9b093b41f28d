package org.kefu.ticket;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A partial update of a ticket's fields. Null leaves a field as it is; to empty a field name it
 * in {@code clear} (e.g. ["demandDeadline", "complaintType"]). Custom fields merge: a key with a
 * null value removes that field.
 */
public record TicketChanges(
        @Size(min = 1, max = 500) String subject,
        Priority priority,
        @Size(max = 40) String complaintType,
        @Size(max = 1000) String confirmedProblem,
        @Size(max = 4000) String demand,
        Instant demandDeadline,
        @Size(max = 200) String productRef,
        @Size(max = 200) String orderRef,
        Map<String, Object> customFields,
        @Size(max = 10) List<String> clear) {

    static final List<String> CLEARABLE = List.of("complaintType", "confirmedProblem", "demand", "demandDeadline",
            "productRef", "orderRef");

    public TicketChanges {
        clear = clear == null ? List.of() : clear;
    }
}
