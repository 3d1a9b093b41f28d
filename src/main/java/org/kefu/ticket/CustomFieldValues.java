package org.kefu.ticket;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;

/**
 * Checks custom field values against their definitions and brings them to one stored form:
 * TEXT a string, NUMBER a number, DATE an ISO date string, SELECT one option, MULTI_SELECT a
 * list of options. Every bad value is reported, by field name, in one error.
 */
final class CustomFieldValues {

    static final int MAX_TEXT = 10_000;

    private CustomFieldValues() {
    }

    /**
     * @param creating on create, required fields must be present and null values are not allowed
     * @return the values in stored form; a null value means "remove" (updates only)
     */
    static Map<String, Object> validate(Map<String, Object> input, Map<String, CustomFieldRule> definitions,
            boolean creating) {
        Map<String, Object> result = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> values = input == null ? Map.of() : input;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String field = "customFields." + e.getKey();
            CustomFieldRule definition = definitions.get(e.getKey());
            if (definition == null) {
                problems.add(new FieldProblem(field, "is not a custom field"));
                continue;
            }
            if (e.getValue() == null) {
                if (definition.required()) {
                    problems.add(new FieldProblem(field, "is required and cannot be removed"));
                } else if (!creating) {
                    result.put(e.getKey(), null);
                }
                continue;
            }
            if (!definition.active()) {
                problems.add(new FieldProblem(field, "is no longer in use"));
                continue;
            }
            try {
                result.put(e.getKey(), normalise(definition, e.getValue()));
            } catch (IllegalArgumentException bad) {
                problems.add(new FieldProblem(field, bad.getMessage()));
            }
        }
        if (creating) {
            definitions.values().stream()
                    .filter(d -> d.required() && d.active() && values.get(d.key()) == null)
                    .forEach(d -> problems.add(new FieldProblem("customFields." + d.key(), "is required")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return result;
    }

    private static Object normalise(CustomFieldRule definition, Object value) {
        return switch (definition.type()) {
            case TEXT -> {
                if (!(value instanceof String s)) {
                    throw new IllegalArgumentException("must be text");
                }
                if (s.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("must be at most " + MAX_TEXT + " characters");
                }
                yield s;
            }
            case NUMBER -> {
                if (!(value instanceof Number n)) {
                    throw new IllegalArgumentException("must be a number");
                }
                BigDecimal decimal = new BigDecimal(n.toString()).stripTrailingZeros();
                yield decimal.scale() <= 0 && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                        ? (Object) decimal.longValueExact() : (Object) decimal.doubleValue();
            }
            case DATE -> {
                if (!(value instanceof String s)) {
                    throw new IllegalArgumentException("must be a date such as 2026-11-23");
                }
                try {
                    yield LocalDate.parse(s).toString();
                } catch (DateTimeParseException ex) {
                    throw new IllegalArgumentException("must be a date such as 2026-11-23");
                }
            }
            case SELECT -> {
                if (!(value instanceof String s) || !definition.options().contains(s)) {
                    throw new IllegalArgumentException("must be one of " + definition.options());
                }
                yield s;
            }
            case MULTI_SELECT -> {
                if (!(value instanceof Collection<?> list)) {
                    throw new IllegalArgumentException("must be a list of options from " + definition.options());
                }
                LinkedHashSet<String> chosen = new LinkedHashSet<>();
                for (Object item : list) {
                    if (!(item instanceof String s) || !definition.options().contains(s)) {
                        throw new IllegalArgumentException("may only hold options from " + definition.options());
                    }
                    chosen.add(s);
                }
                yield List.copyOf(chosen);
            }
        };
    }

    /** Equality that treats 5 and 5.0 (as JSON may read them back) as the same value. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }
}
