package org.kefu.priority;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kefu.ticket.Priority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stored scores (table ticket_priority_score), one row per ticket. */
@Repository
class TicketPriorityStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            ticket_id, urgency, impact, customer_value, complexity, urgency_points, impact_points, value_points,
            complexity_points, score, computed_priority, quadrant, signals, applied_priority, pin_origin, pin_priority,
            pin_reason, pin_by_id, pin_by_name, pinned_at, computed_at, next_review_at""";

    private final JdbcClient jdbc;

    TicketPriorityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TicketPriority> find(long ticketId) {
        return jdbc.sql("select " + COLUMNS + " from ticket_priority_score where ticket_id = ?").param(ticketId)
                .query(TicketPriorityStore::map).optional();
    }

    /** The row locked until the transaction ends, so concurrent recomputes of one ticket take turns. */
    Optional<TicketPriority> lock(long ticketId) {
        return jdbc.sql("select " + COLUMNS + " from ticket_priority_score where ticket_id = ? for update").param(ticketId)
                .query(TicketPriorityStore::map).optional();
    }

    /** Updates the ticket's row, or inserts it when there is none. */
    void save(TicketPriority p) {
        if (!update(p)) {
            insert(p);
        }
    }

    /** Inserts the row of a ticket known to have none (a duplicate key fails, as a concurrent insert would). */
    void insert(TicketPriority p) {
        List<Object> insert = new ArrayList<>();
        insert.add(p.ticketId());
        insert.addAll(values(p));
        insert.addAll(rest(p));
        jdbc.sql("insert into ticket_priority_score (" + COLUMNS + ", version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(insert).update();
    }

    private static List<Object> values(TicketPriority p) {
        PriorityScore s = p.score();
        return List.of(s.factor(PriorityFactor.URGENCY), s.factor(PriorityFactor.IMPACT),
                s.factor(PriorityFactor.VALUE), s.factor(PriorityFactor.COMPLEXITY), points(s, PriorityFactor.URGENCY),
                points(s, PriorityFactor.IMPACT), points(s, PriorityFactor.VALUE), points(s, PriorityFactor.COMPLEXITY),
                s.score(), s.priority().name(), s.quadrant().name(), signals(s));
    }

    private static List<Object> rest(TicketPriority p) {
        TicketPriority.Pin pin = p.pin();
        List<Object> rest = new ArrayList<>();
        rest.add(p.applied() == null ? null : p.applied().name());
        rest.add(pin == null ? null : pin.origin().name());
        rest.add(pin == null ? null : pin.priority().name());
        rest.add(pin == null ? null : pin.reason());
        rest.add(pin == null ? null : pin.byId());
        rest.add(pin == null ? null : pin.byName());
        rest.add(pin == null ? null : ts(pin.at()));
        rest.add(ts(p.computedAt()));
        rest.add(ts(p.nextReviewAt()));
        return rest;
    }

    private boolean update(TicketPriority p) {
        List<Object> all = new ArrayList<>(values(p));
        all.addAll(rest(p));
        all.add(p.ticketId());
        return jdbc.sql("""
                        update ticket_priority_score set urgency = ?, impact = ?, customer_value = ?, complexity = ?,
                            urgency_points = ?, impact_points = ?, value_points = ?, complexity_points = ?, score = ?,
                            computed_priority = ?, quadrant = ?, signals = ?, applied_priority = ?, pin_origin = ?,
                            pin_priority = ?, pin_reason = ?, pin_by_id = ?, pin_by_name = ?, pinned_at = ?, computed_at = ?,
                            next_review_at = ?, version = version + 1
                        where ticket_id = ?""")
                .params(all).update() > 0;
    }

    /** Tickets due for a review by {@code now}, earliest first; served by ix_ticket_priority_review. */
    List<Long> dueForReview(Instant now, int limit) {
        return jdbc.sql("select ticket_id from ticket_priority_score where next_review_at <= ? order by next_review_at, ticket_id"
                        + " fetch first %d rows only".formatted(limit))
                .param(Timestamp.from(now)).query(Long.class).list();
    }

    /** A ticket that no longer needs reviews (merged, gone). */
    void clearReview(long ticketId) {
        jdbc.sql("update ticket_priority_score set next_review_at = null where ticket_id = ?").param(ticketId).update();
    }

    private static BigDecimal points(PriorityScore s, PriorityFactor f) {
        return BigDecimal.valueOf(s.contribution(f)).setScale(2, RoundingMode.HALF_UP);
    }

    private static String signals(PriorityScore s) {
        List<Map<String, Object>> list = s.signals().stream().map(g -> Map.<String, Object>of("key", g.key(),
                "factor", g.factor().name(), "value", g.value(), "detail", g.detail())).toList();
        String json = JSON.writeValueAsString(list);
        return json.length() > 4000 ? "[]" : json;
    }

    private static TicketPriority map(ResultSet rs, int n) throws SQLException {
        Map<PriorityFactor, Integer> factors = new EnumMap<>(PriorityFactor.class);
        factors.put(PriorityFactor.URGENCY, rs.getInt("urgency"));
        factors.put(PriorityFactor.IMPACT, rs.getInt("impact"));
        factors.put(PriorityFactor.VALUE, rs.getInt("customer_value"));
        factors.put(PriorityFactor.COMPLEXITY, rs.getInt("complexity"));
        Map<PriorityFactor, Double> points = new EnumMap<>(PriorityFactor.class);
        points.put(PriorityFactor.URGENCY, rs.getBigDecimal("urgency_points").doubleValue());
        points.put(PriorityFactor.IMPACT, rs.getBigDecimal("impact_points").doubleValue());
        points.put(PriorityFactor.VALUE, rs.getBigDecimal("value_points").doubleValue());
        points.put(PriorityFactor.COMPLEXITY, rs.getBigDecimal("complexity_points").doubleValue());
        List<Signal> signals = new ArrayList<>();
        for (JsonNode node : JSON.readTree(rs.getString("signals"))) {
            signals.add(new Signal(node.get("key").asString(), PriorityFactor.valueOf(node.get("factor").asString()),
                    node.get("value").asInt(), node.get("detail").asString()));
        }
        PriorityScore score = new PriorityScore(factors, points, rs.getInt("score"),
                Priority.valueOf(rs.getString("computed_priority")), Quadrant.valueOf(rs.getString("quadrant")), signals);
        String origin = rs.getString("pin_origin");
        TicketPriority.Pin pin = origin == null ? null : new TicketPriority.Pin(TicketPriority.PinOrigin.valueOf(origin),
                Priority.valueOf(rs.getString("pin_priority")), rs.getString("pin_reason"),
                rs.getObject("pin_by_id", Long.class), rs.getString("pin_by_name"), instant(rs, "pinned_at"));
        String applied = rs.getString("applied_priority");
        return new TicketPriority(rs.getLong("ticket_id"), score, applied == null ? null : Priority.valueOf(applied), pin,
                instant(rs, "computed_at"), instant(rs, "next_review_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }
}
