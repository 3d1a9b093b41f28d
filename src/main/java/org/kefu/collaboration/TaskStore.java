package org.kefu.collaboration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored cross-department tasks (table ticket_task). */
@Repository
class TaskStore {

    private static final String COLUMNS = """
            id, ticket_id, ticket_number, department_id, assignee_id, question, due_at, state, asked_by_id, asked_by_name,
            asked_at, answer, answered_by_id, answered_by_name, answered_at, closed_at""";

    private final JdbcClient jdbc;

    TaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TicketTask insert(long ticketId, String ticketNumber, long departmentId, Long assigneeId, String question, Instant dueAt,
            long askedById, String askedByName, Instant now) {
        long id = jdbc.sql("select nextval('ticket_task_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into ticket_task (id, ticket_id, ticket_number, department_id, assignee_id, question, due_at, state,
                            asked_by_id, asked_by_name, asked_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, 0)""")
                .params(id, ticketId, ticketNumber, departmentId, assigneeId, question, ts(dueAt), askedById, askedByName, ts(now))
                .update();
        return find(id).orElseThrow();
    }

    Optional<TicketTask> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from ticket_task where id = ?").param(id).query(TaskStore::map).optional();
    }

    /** The task, locked until the transaction ends, so two answers cannot both win. */
    Optional<TicketTask> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from ticket_task where id = ? for update").param(id).query(TaskStore::map).optional();
    }

    boolean answer(long id, String answer, long byId, String byName, Instant now) {
        return jdbc.sql("""
                        update ticket_task set state = 'ANSWERED', answer = ?, answered_by_id = ?, answered_by_name = ?,
                            answered_at = ?, closed_at = ?, version = version + 1
                        where id = ? and state = 'OPEN'""")
                .params(answer, byId, byName, ts(now), ts(now), id).update() == 1;
    }

    boolean cancel(long id, Instant now) {
        return jdbc.sql("update ticket_task set state = 'CANCELLED', closed_at = ?, version = version + 1 where id = ? and state = 'OPEN'")
                .params(ts(now), id).update() == 1;
    }

    /** A ticket's tasks, newest last; served by ix_ticket_task_ticket. A ticket has few. */
    List<TicketTask> ofTicket(long ticketId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from ticket_task where ticket_id = ? order by id fetch first %d rows only"
                        .formatted(limit))
                .param(ticketId).query(TaskStore::map).list();
    }

    /** Distinct departments with an open question on the ticket. */
    List<Long> openDepartments(long ticketId) {
        return jdbc.sql("select distinct department_id from ticket_task where ticket_id = ? and state = 'OPEN'")
                .param(ticketId).query(Long.class).list();
    }

    /**
     * One keyset page (by id) of tasks in the given departments (all when null) and state, after
     * {@code afterId}; served by ix_ticket_task_department (department_id, state, id).
     */
    List<TicketTask> page(Collection<Long> departments, TaskState state, long afterId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from ticket_task where state = :state and id > :after");
        if (departments != null) {
            sql.append(" and department_id in (:departments)");
        }
        sql.append(" order by id fetch first ").append(limit).append(" rows only");
        var spec = jdbc.sql(sql.toString()).param("state", state.name()).param("after", afterId);
        if (departments != null) {
            spec = spec.param("departments", departments);
        }
        return spec.query(TaskStore::map).list();
    }

    private static TicketTask map(ResultSet rs, int n) throws SQLException {
        return new TicketTask(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("ticket_number"),
                rs.getLong("department_id"), (Long) rs.getObject("assignee_id", Long.class), rs.getString("question"),
                instant(rs, "due_at"), TaskState.valueOf(rs.getString("state")), rs.getLong("asked_by_id"),
                rs.getString("asked_by_name"), instant(rs, "asked_at"), rs.getString("answer"),
                (Long) rs.getObject("answered_by_id", Long.class), rs.getString("answered_by_name"),
                instant(rs, "answered_at"), instant(rs, "closed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
