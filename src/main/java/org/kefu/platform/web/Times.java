package org.kefu.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.kefu.platform.security.ActorPrincipal;
import org.kefu.platform.security.Actors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times as people read them, in the signed-in user's time zone (default Asia/Shanghai) and
 * language: {@code ${@times.relative(t)}} gives "5 分钟前" / "5 minutes ago".
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Clock clock;
    private final MessageSource messages;
    private final ZoneId defaultZone;

    Times(Clock clock, MessageSource messages, @Value("${kefu.time-zone:Asia/Shanghai}") String defaultZone) {
        this.clock = clock;
        this.messages = messages;
        this.defaultZone = ZoneId.of(defaultZone);
    }

    public ZoneId zone() {
        return Actors.principal().map(ActorPrincipal::zone).orElse(defaultZone);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone()));
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone()));
    }

    /** ISO-8601 with offset, for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** "刚刚", "5 分钟前", "3 小时后"; past a week the date and time instead. */
    public String relative(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration between = Duration.between(instant, clock.instant());
        boolean future = between.isNegative();
        long seconds = Math.abs(between.toSeconds());
        String suffix = future ? "In" : "Ago";
        if (seconds < 60) {
            return text("time.justNow");
        }
        if (seconds < 3600) {
            return text("time.minutes" + suffix, seconds / 60);
        }
        if (seconds < 86_400) {
            return text("time.hours" + suffix, seconds / 3600);
        }
        if (seconds < 7 * 86_400) {
            return text("time.days" + suffix, seconds / 86_400);
        }
        return dateTime(instant);
    }

    public boolean isPast(Instant instant) {
        return instant != null && instant.isBefore(clock.instant());
    }

    /** Whether the instant is still ahead but less than {@code minutes} away. */
    public boolean isWithin(Instant instant, long minutes) {
        Instant now = clock.instant();
        return instant != null && !instant.isBefore(now) && instant.isBefore(now.plus(Duration.ofMinutes(minutes)));
    }

    /** A duration as "2 小时 5 分" / "2 h 5 min"; negative durations are shown by their size. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long minutes = Math.abs(duration.toMinutes());
        long days = minutes / 1440;
        long hours = (minutes % 1440) / 60;
        long rest = minutes % 60;
        if (days > 0) {
            return text("time.durationDays", days, hours);
        }
        if (hours > 0) {
            return text("time.durationHours", hours, rest);
        }
        return text("time.durationMinutes", rest);
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
