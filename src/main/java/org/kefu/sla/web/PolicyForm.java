package org.kefu.sla.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import org.kefu.sla.SlaPolicy;
import org.kefu.sla.SlaPolicyInput;

/**
 * The SLA policy form as the admin page posts it: targets as an amount and a unit (s, min, h, or bd
 * for business days of the chosen calendar). Turned into the same {@link SlaPolicyInput} the REST API
 * takes, so both apply exactly the same validation.
 */
record PolicyForm(String name, String active, Integer position, Long calendarId, String tier, String priority,
                  String channel, String complaintType, String organisation, String tag, String firstAmount,
                  String firstUnit, String nextAmount, String nextUnit, String resolutionAmount, String resolutionUnit,
                  String warnPercent, String pauseOnInternal, Long version) {

    static PolicyForm blank(long calendarId) {
        return new PolicyForm("", "on", null, calendarId, null, null, null, null, null, null, "", "min", "", "min", "",
                "h", "80", null, null);
    }

    static PolicyForm of(SlaPolicy p, Duration businessDay) {
        SlaPolicy.Conditions c = p.conditions();
        Amount first = Amount.of(p.firstResponse(), businessDay);
        Amount next = Amount.of(p.nextResponse(), businessDay);
        Amount resolve = Amount.of(p.resolution(), businessDay);
        return new PolicyForm(p.name(), p.active() ? "on" : null, p.position(), p.calendarId(), c.tier(), c.priority(),
                c.channel(), c.complaintType(), c.organisation(), c.tag(), first.amount(), first.unit(), next.amount(),
                next.unit(), resolve.amount(), resolve.unit(), String.valueOf(p.warnPercent()),
                p.pauseOnInternal() ? "on" : null, p.version());
    }

    /** The API input; amounts that are not numbers are reported under the target's field name. */
    SlaPolicyInput input(Duration businessDay) {
        List<FieldProblem> problems = new ArrayList<>();
        String first = iso(problems, "firstResponse", firstAmount, firstUnit, businessDay);
        String next = iso(problems, "nextResponse", nextAmount, nextUnit, businessDay);
        String resolve = iso(problems, "resolution", resolutionAmount, resolutionUnit, businessDay);
        Integer warn = null;
        if (warnPercent != null && !warnPercent.isBlank()) {
            try {
                warn = Integer.valueOf(warnPercent.strip());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("warnPercent", "must be a whole number between 1 and 100"));
            }
        }
        SlaPolicyInput input = new SlaPolicyInput(name, position, active != null, calendarId, tier, priority, channel,
                complaintType, organisation, tag, first, next, resolve, pauseOnInternal != null, warn);
        if (!problems.isEmpty()) {
            problems.addAll(input.problems()); // every other field's problem at once; the first per field is shown
            throw new InvalidRequestException(problems);
        }
        return input;
    }

    private static String iso(List<FieldProblem> problems, String field, String amount, String unit, Duration businessDay) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(amount.strip());
            BigDecimal seconds = value.multiply(BigDecimal.valueOf(Unit.of(unit).seconds(businessDay)));
            if (seconds.signum() <= 0) {
                problems.add(new FieldProblem(field, "must be more than zero and at most 365 days"));
                return null;
            }
            if (seconds.compareTo(BigDecimal.valueOf(Duration.ofDays(365).toSeconds())) > 0) {
                problems.add(new FieldProblem(field, "must be more than zero and at most 365 days"));
                return null;
            }
            return Duration.ofSeconds(seconds.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact()).toString();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new FieldProblem(field, "must be a number"));
            return null;
        }
    }

    /** The units a target can be entered in; a business day is the longest opening of the calendar's week. */
    enum Unit {
        S("s", 1), MIN("min", 60), H("h", 3600), BD("bd", 0);

        final String code;
        final long seconds;

        Unit(String code, long seconds) {
            this.code = code;
            this.seconds = seconds;
        }

        long seconds(Duration businessDay) {
            return this == BD ? businessDay.toSeconds() : seconds;
        }

        static Unit of(String code) {
            for (Unit u : values()) {
                if (u.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                    return u;
                }
            }
            return MIN;
        }
    }

    /** A duration as the largest unit that shows it exactly, e.g. 7200 s → 2 h. */
    record Amount(String amount, String unit) {

        static Amount of(Duration d, Duration businessDay) {
            if (d == null) {
                return new Amount("", "min");
            }
            long s = d.toSeconds();
            for (Unit u : List.of(Unit.BD, Unit.H, Unit.MIN)) {
                long size = u.seconds(businessDay);
                if (size > 0 && s >= size && s % size == 0) {
                    return new Amount(String.valueOf(s / size), u.code);
                }
            }
            return new Amount(String.valueOf(s), "s");
        }
    }
}
