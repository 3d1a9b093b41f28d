package org.kefu.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The State Council's public-holiday schedules for 2025 and 2026 (国务院办公厅 放假安排) with
 * office hours 09:00–12:00 and 13:30–18:00 Monday to Friday, Asia/Shanghai. Make-up working days
 * (调休上班日) keep the same hours. Migration V11 seeds the same data as the calendar
 * "中国大陆工作日 2025–2026"; a test keeps both in step.
 */
final class MainlandChinaSchedule {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final OpeningHours OFFICE_HOURS = OpeningHours.parse("09:00-12:00,13:30-18:00");

    private MainlandChinaSchedule() {
    }

    /** Holidays by date with their names. */
    static Map<LocalDate, String> holidays() {
        Map<LocalDate, String> days = new LinkedHashMap<>();
        range(days, "2025-01-01", "2025-01-01", "元旦");
        range(days, "2025-01-28", "2025-02-04", "春节");
        range(days, "2025-04-04", "2025-04-06", "清明节");
        range(days, "2025-05-01", "2025-05-05", "劳动节");
        range(days, "2025-05-31", "2025-06-02", "端午节");
        range(days, "2025-10-01", "2025-10-08", "国庆节、中秋节");
        range(days, "2026-01-01", "2026-01-03", "元旦");
        range(days, "2026-02-15", "2026-02-23", "春节");
        range(days, "2026-04-04", "2026-04-06", "清明节");
        range(days, "2026-05-01", "2026-05-05", "劳动节");
        range(days, "2026-06-19", "2026-06-21", "端午节");
        range(days, "2026-09-25", "2026-09-27", "中秋节");
        range(days, "2026-10-01", "2026-10-07", "国庆节");
        return days;
    }

    /** Make-up working days (weekend days worked) with the holiday they make up for. */
    static Map<LocalDate, String> makeUpWorkingDays() {
        Map<LocalDate, String> days = new LinkedHashMap<>();
        days.put(LocalDate.parse("2025-01-26"), "春节调休上班");
        days.put(LocalDate.parse("2025-02-08"), "春节调休上班");
        days.put(LocalDate.parse("2025-04-27"), "劳动节调休上班");
        days.put(LocalDate.parse("2025-09-28"), "国庆节调休上班");
        days.put(LocalDate.parse("2025-10-11"), "国庆节调休上班");
        days.put(LocalDate.parse("2026-01-04"), "元旦调休上班");
        days.put(LocalDate.parse("2026-02-14"), "春节调休上班");
        days.put(LocalDate.parse("2026-02-28"), "春节调休上班");
        days.put(LocalDate.parse("2026-05-09"), "劳动节调休上班");
        days.put(LocalDate.parse("2026-09-20"), "国庆节调休上班");
        days.put(LocalDate.parse("2026-10-10"), "国庆节调休上班");
        return days;
    }

    static BusinessCalendar calendar() {
        Map<DayOfWeek, OpeningHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, day.getValue() <= 5 ? OFFICE_HOURS : OpeningHours.CLOSED);
        }
        Map<LocalDate, OpeningHours> special = new LinkedHashMap<>();
        holidays().keySet().forEach(d -> special.put(d, OpeningHours.CLOSED));
        makeUpWorkingDays().keySet().forEach(d -> special.put(d, OFFICE_HOURS));
        return new BusinessCalendar(ZONE, week, special);
    }

    private static void range(Map<LocalDate, String> days, String from, String to, String name) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            days.put(d, name);
        }
    }
}
