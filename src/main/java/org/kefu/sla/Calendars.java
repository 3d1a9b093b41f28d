package org.kefu.sla;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.kefu.platform.reference.ReferenceCache;
import org.kefu.platform.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored business calendars (tables sla_calendar, sla_calendar_week, sla_calendar_day). Tickets' clocks and goals use
 * {@link #businessCalendar}, cached on each node (sla.calendars); admins' reads and writes go to the tables.
 */
@Repository
class Calendars {

    private final JdbcClient jdbc;
    /** Definitions last read, by id; used only while the stored version is the same. */
    private final Map<Long, CalendarDefinition> byId = new ConcurrentHashMap<>();
    private final ReferenceCache<Map<Long, BusinessCalendar>> calendars;

    Calendars(JdbcClient jdbc, ReferenceData references) {
        this.jdbc = jdbc;
        this.calendars = references.cache("sla.calendars", () -> Map.copyOf(all().stream()
                .collect(Collectors.toMap(CalendarDefinition::id, CalendarDefinition::toCalendar))));
    }

    /** The calendar for computing due times; one created on another node moments ago is read from the tables. */
    Optional<BusinessCalendar> businessCalendar(long id) {
        BusinessCalendar cached = calendars.get().get(id);
        return cached != null ? Optional.of(cached) : find(id).map(CalendarDefinition::toCalendar);
    }

    List<CalendarDefinition> all() {
        List<Long> ids = jdbc.sql("select id from sla_calendar order by name, id").query(Long.class).list();
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    Optional<CalendarDefinition> find(long id) {
        record Head(long id, String name, String zone, String description, long version) {
        }
        Optional<Head> head = jdbc.sql("select id, name, time_zone, description, version from sla_calendar where id = ?")
                .param(id)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Head h = head.get();
        // Every change of a calendar raises its version in the transaction that rewrites its days, so
        // a definition read at the same version is still current; only the head row is read again.
        CalendarDefinition cached = byId.get(id);
        if (cached != null && cached.version() == h.version()) {
            return Optional.of(cached);
        }
        Map<DayOfWeek, OpeningHours> week = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("select day_of_week, opening_hours from sla_calendar_week where calendar_id = ?").param(id)
                .query(rs -> {
                    week.put(DayOfWeek.of(rs.getInt(1)), OpeningHours.parse(rs.getString(2)));
                });
        List<CalendarDefinition.SpecialDay> days = jdbc.sql("""
                        select on_date, kind, opening_hours, name from sla_calendar_day where calendar_id = ? order by on_date""")
                .param(id)
                .query((rs, n) -> new CalendarDefinition.SpecialDay(rs.getObject(1, LocalDate.class),
                        CalendarDefinition.Kind.valueOf(rs.getString(2)), OpeningHours.parse(rs.getString(3)), rs.getString(4)))
                .list();
        CalendarDefinition loaded = new CalendarDefinition(h.id(), h.name(), ZoneId.of(h.zone()), h.description(), week, days,
                h.version());
        // remembered only when no change committed between reading the head and the days
        if (version(id).filter(v -> v == h.version()).isPresent()) {
            byId.put(id, loaded);
        }
        return Optional.of(loaded);
    }

    private Optional<Long> version(long id) {
        return jdbc.sql("select version from sla_calendar where id = ?").param(id).query(Long.class).optional();
    }

    boolean nameTaken(String name, Long exceptId) {
        return jdbc.sql("select count(*) from sla_calendar where lower(name) = lower(?) and id <> ?")
                .param(name).param(exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
    }

    long insert(CalendarDefinition c, Instant now) {
        long id = jdbc.sql("select nextval('sla_calendar_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into sla_calendar (id, name, time_zone, description, version, created_at, updated_at)
                        values (?, ?, ?, ?, 0, ?, ?)""")
                .param(id).param(c.name()).param(c.zone().getId()).param(c.description())
                .param(Timestamp.from(now)).param(Timestamp.from(now)).update();
        writeWeek(id, c.week());
        writeDays(id, c.days());
        calendars.changed();
        return id;
    }

    /** Replaces everything; false when someone else changed the calendar since {@code expectedVersion}. */
    boolean update(long id, CalendarDefinition c, long expectedVersion, Instant now) {
        int rows = jdbc.sql("""
                        update sla_calendar set name = ?, time_zone = ?, description = ?, version = version + 1, updated_at = ?
                        where id = ? and version = ?""")
                .param(c.name()).param(c.zone().getId()).param(c.description()).param(Timestamp.from(now))
                .param(id).param(expectedVersion).update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql("delete from sla_calendar_week where calendar_id = ?").param(id).update();
        jdbc.sql("delete from sla_calendar_day where calendar_id = ?").param(id).update();
        writeWeek(id, c.week());
        writeDays(id, c.days());
        calendars.changed();
        return true;
    }

    void delete(long id) {
        byId.remove(id);
        jdbc.sql("delete from sla_calendar where id = ?").param(id).update();
        calendars.changed();
    }

    boolean inUse(long id) {
        return jdbc.sql("select count(*) from sla_policy where calendar_id = ?").param(id).query(Long.class).single() > 0
                || !jdbc.sql("select id from sla_clock where calendar_id = ? fetch first 1 rows only")
                .param(id).query(Long.class).list().isEmpty();
    }

    private void writeWeek(long id, Map<DayOfWeek, OpeningHours> week) {
        for (DayOfWeek day : DayOfWeek.values()) {
            jdbc.sql("insert into sla_calendar_week (calendar_id, day_of_week, opening_hours) values (?, ?, ?)")
                    .param(id).param(day.getValue()).param(week.getOrDefault(day, OpeningHours.CLOSED).toString()).update();
        }
    }

    private void writeDays(long id, List<CalendarDefinition.SpecialDay> days) {
        List<Object[]> rows = new ArrayList<>();
        for (CalendarDefinition.SpecialDay d : days) {
            rows.add(new Object[] {id, d.date(), d.kind().name(), d.hours().toString(), d.name()});
        }
        for (Object[] row : rows) {
            jdbc.sql("insert into sla_calendar_day (calendar_id, on_date, kind, opening_hours, name) values (?, ?, ?, ?, ?)")
                    .params(row).update();
        }
    }
}
