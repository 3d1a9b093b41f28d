package org.kefu.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/** Seeded generators of calendars, instants and durations for the property tests. */
final class RandomCalendars {

    static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"),
            ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("America/Santiago"));
    static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

    final RandomGenerator random;
    final long seed;

    RandomCalendars(long seed) {
        this.seed = seed;
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    BusinessCalendar calendar() {
        return calendar(ZONES.get(random.nextInt(ZONES.size())));
    }

    BusinessCalendar calendar(ZoneId zone) {
        if (random.nextInt(10) == 0) {
            return BusinessCalendar.twentyFourSeven(zone);
        }
        Map<DayOfWeek, OpeningHours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, random.nextInt(4) == 0 ? OpeningHours.CLOSED : hours());
        }
        if (week.values().stream().allMatch(OpeningHours::isClosed)) {
            week.put(DayOfWeek.MONDAY, hours());
        }
        Map<LocalDate, OpeningHours> special = new HashMap<>();
        int specials = random.nextInt(60);
        for (int i = 0; i < specials; i++) {
            special.put(date(), random.nextBoolean() ? OpeningHours.CLOSED : hours());
        }
        return new BusinessCalendar(zone, week, special);
    }

    /** One to three non-overlapping intervals on a 15-minute grid, sometimes reaching 00:00 or 24:00. */
    OpeningHours hours() {
        int count = 1 + random.nextInt(3);
        List<Integer> cuts = new ArrayList<>();
        while (cuts.size() < count * 2) {
            int cut = random.nextInt(97) * 15;
            if (!cuts.contains(cut)) {
                cuts.add(cut);
            }
        }
        cuts.sort(null);
        List<OpeningHours.Interval> intervals = new ArrayList<>();
        for (int i = 0; i < cuts.size(); i += 2) {
            intervals.add(new OpeningHours.Interval(cuts.get(i), cuts.get(i + 1)));
        }
        return new OpeningHours(intervals);
    }

    LocalDate date() {
        return LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
    }

    Instant instant() {
        long seconds = random.nextLong(FROM.getEpochSecond(), TO.getEpochSecond());
        return switch (random.nextInt(4)) {
            case 0 -> Instant.ofEpochSecond(seconds - seconds % 900); // on the grid: openings and closings
            case 1 -> Instant.ofEpochSecond(seconds - seconds % 60);
            default -> Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
        };
    }

    Duration duration() {
        return switch (random.nextInt(5)) {
            case 0 -> Duration.ZERO;
            case 1 -> Duration.ofSeconds(random.nextInt(120));
            case 2 -> Duration.ofMinutes(random.nextInt(600));
            default -> Duration.ofSeconds(random.nextLong(200 * 3600L), random.nextInt(1_000_000_000));
        };
    }
}
