import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures "finding the due escalations among N open tickets" (issue 5, target < 100 ms at 1M):
 * the due-time queries the escalation sweeps run every 30 s, with the SQL of
 * org.kefu.escalation.UnassignedSweep#due (P1 unassigned for N minutes; index
 * ix_ticket_priority_assignee_created from V19), DemandDeadlineSweep (demand deadline within 2 h;
 * ix_ticket_demand_deadline from V8) and ReminderStore#pending (ix_reminder_pending from V19).
 *
 * It works in its own schema (default bench_escalation) holding the columns these queries read and
 * the same index definitions as the migrations, loads N open tickets with generate_series
 * (PostgreSQL), runs ANALYZE, prints EXPLAIN ANALYZE of each query and p50/p95/max of --runs
 * executions, then drops the schema unless --keep. JDK 21+:
 *   java -cp postgresql.jar bench/escalation/EscalationDueQuery.java \
 *        --url=jdbc:postgresql://127.0.0.1:5432/kefu --user=kefu --password=kefu --tickets=1000000 --runs=50
 */
public class EscalationDueQuery {

    static final String UNASSIGNED_SQL = """
            select id, created_at from %s.ticket
            where priority in ('P1') and assignee_id is null
              and created_at >= ? and created_at <= ? and (created_at > ? or id > ?)
              and status in ('NEW', 'OPEN', 'PENDING_CUSTOMER', 'PENDING_INTERNAL', 'REOPENED')
            order by created_at, id
            fetch first 500 rows only""";
    static final String DEMAND_SQL = """
            select t.id, t.number, t.subject, t.assignee_id, t.demand_deadline from %s.ticket t
            where t.demand_deadline > ? and t.demand_deadline <= ?
              and (t.demand_deadline > ? or t.id > ?)
              and t.assignee_id is not null
              and t.status in ('NEW', 'OPEN', 'PENDING_CUSTOMER', 'PENDING_INTERNAL', 'REOPENED')
              and not exists (select 1 from %s.demand_reminder_sent s
                              where s.ticket_id = t.id and s.deadline = t.demand_deadline)
            order by t.demand_deadline, t.id
            fetch first 500 rows only""";
    static final String REMINDER_SQL = "select id from %s.reminder where pending_at <= ? order by pending_at, id fetch first 500 rows only";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("--")) {
                o.put(a.substring(2), "true");
            }
        }
        String url = o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/kefu");
        int tickets = Integer.parseInt(o.getOrDefault("tickets", "1000000"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "50"));
        String schema = o.getOrDefault("schema", "bench_escalation");
        try (Connection c = DriverManager.getConnection(url, o.getOrDefault("user", "kefu"), o.getOrDefault("password", "kefu"))) {
            c.setAutoCommit(false);
            Instant now = Instant.now();
            if (!o.containsKey("skip-load")) {
                load(c, schema, tickets, now);
            }
            System.out.printf("tickets: %,d (all open), now = %s%n", tickets, now);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select count(*) filter (where priority = 'P1' and assignee_id is null), count(*) filter (where demand_deadline is not null) from "
                            + schema + ".ticket")) {
                rs.next();
                System.out.printf("unassigned P1: %,d; with a demand deadline: %,d%n", rs.getLong(1), rs.getLong(2));
            }
            Instant to = now.minus(Duration.ofMinutes(30));
            measure(c, "unassigned P1 > 30 min, steady sweep (30 s window)", UNASSIGNED_SQL.formatted(schema), runs,
                    to.minusSeconds(30), to, to.minusSeconds(30), Long.MAX_VALUE);
            measure(c, "unassigned P1 > 30 min, a new rule's first sweep (1 day back, first batch of 500)",
                    UNASSIGNED_SQL.formatted(schema), runs, to.minus(Duration.ofDays(1)), to, to.minus(Duration.ofDays(1)),
                    Long.MAX_VALUE);
            measure(c, "demand deadline within 2 h (first batch of 500)", DEMAND_SQL.formatted(schema, schema), runs,
                    now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), -1L);
            measure(c, "reminders due (first batch of 500)", REMINDER_SQL.formatted(schema), runs, now);
            if (!o.containsKey("keep")) {
                try (Statement s = c.createStatement()) {
                    s.execute("drop schema " + schema + " cascade");
                }
                c.commit();
            }
        }
    }

    static void load(Connection c, String schema, int n, Instant now) throws Exception {
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("create schema " + schema);
            s.execute("""
                    create table %1$s.ticket (id bigint primary key, number varchar(20) not null, subject varchar(500) not null,
                        status varchar(30) not null, priority varchar(2) not null, assignee_id bigint,
                        demand_deadline timestamp with time zone, created_at timestamp with time zone not null)""".formatted(schema));
            s.execute("""
                    create table %1$s.demand_reminder_sent (ticket_id bigint not null, deadline timestamp with time zone not null,
                        sent_at timestamp with time zone not null, primary key (ticket_id, deadline))""".formatted(schema));
            s.execute("""
                    create table %1$s.reminder (id bigint primary key, ticket_id bigint not null, agent_id bigint not null,
                        due_at timestamp with time zone not null, pending_at timestamp with time zone)""".formatted(schema));
            // 1M open tickets over 30 days: P1 5 %, P2 20 %, P3 50 %, P4 25 %; 30 % unassigned;
            // 10 % with a demand deadline within +-7 days of now
            try (PreparedStatement p = c.prepareStatement("""
                    insert into %1$s.ticket (id, number, subject, status, priority, assignee_id, demand_deadline, created_at)
                    select g, '2026-' || lpad(g::text, 7, '0'), 'bench ticket ' || g,
                           (array['NEW','OPEN','OPEN','PENDING_CUSTOMER','REOPENED'])[1 + (g %% 5)],
                           case when h < 5 then 'P1' when h < 25 then 'P2' when h < 75 then 'P3' else 'P4' end,
                           case when (g * 7) %% 10 between 3 and 5 then null else 1 + (g %% 1000) end,
                           case when (g * 13) %% 10 = 0 then ?::timestamptz + ((g %% 20160) - 10080) * interval '1 minute' end,
                           ?::timestamptz - (g %% 2592000) * interval '1 second'
                    from (select g, (g * 37) %% 100 as h from generate_series(1, ?) g) x""".formatted(schema))) {
                p.setTimestamp(1, Timestamp.from(now));
                p.setTimestamp(2, Timestamp.from(now));
                p.setInt(3, n);
                p.executeUpdate();
            }
            // one reminder per 5 tickets, a tenth of them still pending around now
            try (PreparedStatement p = c.prepareStatement("""
                    insert into %1$s.reminder (id, ticket_id, agent_id, due_at, pending_at)
                    select g, g * 5, 1 + (g %% 1000), ?::timestamptz + ((g %% 20160) - 10080) * interval '1 minute',
                           case when g %% 10 = 0 then ?::timestamptz + ((g %% 20160) - 10080) * interval '1 minute' end
                    from generate_series(1, ?) g""".formatted(schema))) {
                p.setTimestamp(1, Timestamp.from(now));
                p.setTimestamp(2, Timestamp.from(now));
                p.setInt(3, n / 5);
                p.executeUpdate();
            }
            // the indexes exactly as in V19__escalation.sql and V8__workspace_saved_views.sql
            s.execute("create index ix_ticket_priority_assignee_created on %s.ticket (priority, assignee_id, created_at, id)".formatted(schema));
            s.execute("create index ix_ticket_demand_deadline on %s.ticket (demand_deadline, id)".formatted(schema));
            s.execute("create index ix_reminder_pending on %s.reminder (pending_at, id)".formatted(schema));
            s.execute("analyze " + schema + ".ticket");
            s.execute("analyze " + schema + ".reminder");
            s.execute("analyze " + schema + ".demand_reminder_sent");
        }
        c.commit();
        System.out.printf("loaded in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    static void measure(Connection c, String name, String sql, int runs, Object... params) throws Exception {
        System.out.println();
        System.out.println("== " + name);
        try (PreparedStatement p = c.prepareStatement("explain (analyze, buffers) " + sql)) {
            bind(p, params);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    System.out.println("   " + rs.getString(1));
                }
            }
        }
        List<Double> millis = new ArrayList<>();
        int rows = 0;
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < runs + 5; i++) {
                bind(p, params);
                long t0 = System.nanoTime();
                int count = 0;
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        count++;
                    }
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                if (i >= 5) {
                    millis.add(ms); // the first 5 warm the caches
                }
                rows = count;
            }
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("rows %d; runs %d: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", rows, sorted.length,
                sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1]);
        c.rollback();
    }

    static void bind(PreparedStatement p, Object... params) throws Exception {
        for (int i = 0; i < params.length; i++) {
            Object v = params[i];
            if (v instanceof Instant t) {
                p.setTimestamp(i + 1, Timestamp.from(t));
            } else if (v instanceof Long l) {
                p.setLong(i + 1, l);
            } else {
                p.setObject(i + 1, v);
            }
        }
    }
}
