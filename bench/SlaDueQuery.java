import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures the SLA sweep's due-clock query ("which clocks are due now?") among N open tickets.
 * Target: < 100 ms for the first batch at 1,000,000 open tickets (issue 5).
 *
 * Run on demand against a migrated database (e.g. the one bench/run.sh leaves behind), JDK 21+:
 *   java -cp postgresql.jar bench/SlaDueQuery.java --url=jdbc:postgresql://127.0.0.1:5432/kefu \
 *        --user=kefu --password=kefu --clocks=1000000 --due-share=0.002 --runs=50
 * It inserts synthetic rows into sla_clock (ticket ids from 900,000,000 up, so real tickets are not
 * touched), runs ANALYZE, prints EXPLAIN ANALYZE of the query and p50/p95/max of --runs executions,
 * and deletes its rows again unless --keep. Same SQL as org.kefu.sla.SlaClocks#due.
 */
public class SlaDueQuery {

    static final String DUE_SQL = """
            select id, next_due_at from sla_clock
            where next_due_at <= ? and next_due_at >= ? and (next_due_at > ? or id > ?)
            order by next_due_at, id
            fetch first 500 rows only""";
    static final long FIRST_TICKET = 900_000_000L;
    static final long FIRST_ID = 9_000_000_000L;

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
        int clocks = Integer.parseInt(o.getOrDefault("clocks", "1000000"));
        double dueShare = Double.parseDouble(o.getOrDefault("due-share", "0.002"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "50"));
        boolean postgres = url.startsWith("jdbc:postgresql:");
        try (Connection c = DriverManager.getConnection(url, o.getOrDefault("user", "kefu"), o.getOrDefault("password", "kefu"))) {
            c.setAutoCommit(false);
            Instant now = Instant.now();
            if (!o.containsKey("skip-load")) {
                load(c, clocks, dueShare, now);
            }
            try (Statement s = c.createStatement()) {
                s.execute(postgres ? "analyze sla_clock" : "analyze");
            }
            c.commit();
            if (postgres) {
                try (PreparedStatement explain = c.prepareStatement("explain (analyze, buffers) " + DUE_SQL)) {
                    bind(explain, now);
                    try (ResultSet rs = explain.executeQuery()) {
                        while (rs.next()) {
                            System.out.println("  " + rs.getString(1));
                        }
                    }
                }
            }
            long[] nanos = new long[runs];
            int rows = 0;
            try (PreparedStatement due = c.prepareStatement(DUE_SQL)) {
                for (int i = -5; i < runs; i++) { // five warm-up runs
                    bind(due, now);
                    long start = System.nanoTime();
                    int n = 0;
                    try (ResultSet rs = due.executeQuery()) {
                        while (rs.next()) {
                            n++;
                        }
                    }
                    if (i >= 0) {
                        nanos[i] = System.nanoTime() - start;
                        rows = n;
                    }
                }
            }
            Arrays.sort(nanos);
            System.out.printf("sla due query over %,d clocks: %d rows/batch, p50 %.2f ms, p95 %.2f ms, max %.2f ms (target < 100 ms)%n",
                    clocks, rows, nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6, nanos[runs - 1] / 1e6);
            if (!o.containsKey("keep")) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("delete from sla_clock where ticket_id >= " + FIRST_TICKET);
                }
                c.commit();
            }
        }
    }

    static void bind(PreparedStatement p, Instant now) throws Exception {
        p.setTimestamp(1, Timestamp.from(now));
        p.setTimestamp(2, Timestamp.from(Instant.parse("1970-01-01T00:00:00Z")));
        p.setTimestamp(3, Timestamp.from(Instant.parse("1970-01-01T00:00:00Z")));
        p.setLong(4, -1);
    }

    /** Open tickets' clocks: most due in the next 30 days, a small share already due, a third finished (next_due_at null). */
    static void load(Connection c, int clocks, double dueShare, Instant now) throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        long calendar;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select min(id) from sla_calendar")) {
            rs.next();
            calendar = rs.getLong(1);
        }
        String sql = """
                insert into sla_clock (id, ticket_id, metric, policy_id, calendar_id, target_seconds, warn_percent,
                    pause_on_internal, cycle, state, started_at, due_at, warn_at, paused_at, paused_business_seconds, met_at,
                    warned, breached, next_due_at, version, updated_at)
                values (?, ?, 'FIRST_RESPONSE', null, ?, 7200, 80, false, 1, ?, ?, ?, ?, null, 0, null, false, false, ?, 0, ?)""";
        long started = System.nanoTime();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < clocks; i++) {
                boolean finished = random.nextInt(3) == 0;
                Instant due = random.nextDouble() < dueShare ? now.minusSeconds(random.nextLong(1, 3600))
                        : now.plusSeconds(random.nextLong(60, 30L * 86400));
                p.setLong(1, FIRST_ID + i);
                p.setLong(2, FIRST_TICKET + i);
                p.setLong(3, calendar);
                p.setString(4, finished ? "MET" : "RUNNING");
                p.setTimestamp(5, Timestamp.from(due.minus(Duration.ofHours(2))));
                p.setTimestamp(6, Timestamp.from(due));
                p.setTimestamp(7, Timestamp.from(due.minus(Duration.ofMinutes(24))));
                p.setTimestamp(8, finished ? null : Timestamp.from(due));
                p.setTimestamp(9, Timestamp.from(now));
                p.addBatch();
                if (i % 5000 == 4999) {
                    p.executeBatch();
                    c.commit();
                }
            }
            p.executeBatch();
            c.commit();
        }
        System.out.printf("loaded %,d clocks in %.1f s%n", clocks, (System.nanoTime() - started) / 1e9);
    }
}
