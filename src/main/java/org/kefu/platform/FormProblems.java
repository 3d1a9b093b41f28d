package org.kefu.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a submitted form, per field, so a page can show each message next to its
 * input (and keep what was typed). Filled from Bean Validation and from the field problems the
 * services report with {@link InvalidRequestException}; anything without a field is general.
 */
public final class FormProblems {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    public static FormProblems none() {
        return new FormProblems();
    }

    /** Problems Bean Validation finds in the object (the same constraints the API checks). */
    public static FormProblems validate(Validator validator, Object target) {
        FormProblems problems = new FormProblems();
        for (ConstraintViolation<Object> violation : validator.validate(target)) {
            problems.field(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return problems;
    }

    public FormProblems add(InvalidRequestException e) {
        e.problems().forEach(p -> field(p.field(), p.message()));
        return this;
    }

    /** Records a problem of a field; "skills[2].value" counts as "skills". The first message per field wins. */
    public FormProblems field(String field, String message) {
        if (field == null || field.isBlank()) {
            general.add(message);
        } else {
            fields.putIfAbsent(field.split("[\\[.]", 2)[0], message);
        }
        return this;
    }

    public FormProblems general(String message) {
        general.add(message);
        return this;
    }

    /** The same problems with the field names dropped, for small forms that show one message on top. */
    public FormProblems asGeneral() {
        FormProblems flat = new FormProblems();
        flat.general.addAll(general);
        fields.forEach((field, message) -> flat.general.add(message));
        return flat;
    }

    public boolean isEmpty() {
        return fields.isEmpty() && general.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String get(String field) {
        return fields.get(field);
    }

    public Map<String, String> fields() {
        return Map.copyOf(fields);
    }

    /** Problems that belong to no field, and those of fields the form does not show. */
    public List<String> general() {
        return List.copyOf(general);
    }
}
