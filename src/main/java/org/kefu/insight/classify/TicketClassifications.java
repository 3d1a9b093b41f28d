package org.kefu.insight.classify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketChanges;
import org.kefu.ticket.TicketEvents;
import org.kefu.ticket.TicketWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Suggests a complaint type and topic for every new ticket (after the ticket's commit, on a worker thread in a
 * transaction of its own, so a failure here never undoes or delays the ticket and no second connection is taken
 * while the request still holds its own) and lets agents confirm or correct it. Confirming sets the
 * ticket's complaint type through {@link TicketWork} (a timeline entry with the agent as actor) and keeps the text
 * with the answer as training data.
 *
 * <p>The ticket's text is read from the ticket's tables directly (read-only), as the emotion reader does: the ticket
 * module offers no access-free way to read a message body, and this runs on the desk's own behalf.
 */
@Service
@Transactional
public class TicketClassifications {

    private final ClassificationSuggestions suggestions;
    private final ClassificationWorkers workers;
    private final ClassificationTopics topics;
    private final TicketWork work;
    private final JdbcClient jdbc;
    private final Clock clock;

    TicketClassifications(ClassificationSuggestions suggestions, ClassificationWorkers workers, ClassificationTopics topics,
            TicketWork work, JdbcClient jdbc, Clock clock) {
        this.suggestions = suggestions;
        this.workers = workers;
        this.topics = topics;
        this.work = work;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void opened(TicketEvents.TicketOpened e) {
        workers.submit(e.ticketId());
    }

    /** The ticket's classification; 404 for a ticket the actor may not see. Suggests now if none was stored yet. */
    public TicketClassification of(long ticketId, Actor actor) {
        Ticket ticket = work.get(ticketId, actor);
        return read(ticketId, ticket.getComplaintType()).orElseGet(() -> {
            suggestions.suggest(List.of(ticketId));
            return read(ticketId, ticket.getComplaintType()).orElseThrow();
        });
    }

    /**
     * The agent's answer: sets the complaint type on the ticket (if given and different) and records type and topic as
     * training data. At least one of them is needed; both must be active.
     */
    public TicketClassification confirm(long ticketId, String complaintType, String topic, Actor actor) {
        String type = blankToNull(complaintType);
        String topicCode = blankToNull(topic);
        Ticket ticket = work.get(ticketId, actor);
        List<InvalidRequestException.FieldProblem> problems = new ArrayList<>();
        if (type == null && topicCode == null) {
            problems.add(new InvalidRequestException.FieldProblem("complaintType", "give a complaint type, a topic or both"));
        }
        if (topicCode != null && topics.byCode(topicCode).filter(Topic::active).isEmpty()) {
            problems.add(new InvalidRequestException.FieldProblem("topic", "'" + topicCode + "' is not an active topic; known: "
                    + topics.active().stream().map(Topic::code).toList()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        TicketClassification before = of(ticketId, actor);
        if (type != null && !type.equals(ticket.getComplaintType())) {
            work.update(ticketId, new TicketChanges(null, null, type, null, null, null, null, null, null, null), actor);
        }
        String finalType = type != null ? type : ticket.getComplaintType();
        boolean corrected = !Objects.equals(finalType, before.suggestedType())
                || (topicCode != null && !topicCode.equals(before.suggestedTopic()));
        jdbc.sql("""
                update ticket_classification set confirmed_type = ?, confirmed_topic = ?, confirmed_by = ?, confirmed_at = ?,
                  corrected = ?, training_text = ? where ticket_id = ?""")
                .params(finalType, topicCode != null ? topicCode : before.confirmedTopic(), actor.id(),
                        Timestamp.from(clock.instant()), corrected, suggestions.text(ticketId).orElse(null), ticketId).update();
        return read(ticketId, finalType).orElseThrow();
    }

    private Optional<TicketClassification> read(long ticketId, String currentType) {
        return jdbc.sql("select * from ticket_classification where ticket_id = ?").param(ticketId)
                .query((rs, n) -> row(rs, currentType)).optional();
    }

    private static TicketClassification row(ResultSet rs, String currentType) throws SQLException {
        String suggested = rs.getString("suggested_type");
        Timestamp confirmedAt = rs.getTimestamp("confirmed_at");
        long by = rs.getLong("confirmed_by");
        Long confirmedBy = rs.wasNull() ? null : by;
        return new TicketClassification(rs.getLong("ticket_id"), suggested, rs.getDouble("type_confidence"),
                rs.getString("suggested_topic"), rs.getDouble("topic_confidence"), rs.getLong("model_version"),
                ClassificationSuggestions.hits(rs.getString("rule_hits")), rs.getTimestamp("suggested_at").toInstant(), currentType,
                currentType == null || suggested == null ? null : currentType.equals(suggested),
                rs.getString("confirmed_type"), rs.getString("confirmed_topic"), confirmedBy,
                confirmedAt == null ? null : confirmedAt.toInstant(), rs.getBoolean("corrected"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
