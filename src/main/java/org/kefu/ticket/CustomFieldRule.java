package org.kefu.ticket;

import java.util.List;

/** What values of one custom field must look like: the immutable part of a {@link CustomFieldDefinition} checks use. */
record CustomFieldRule(String key, CustomFieldDefinition.Type type, List<String> options, boolean required,
        boolean active) {

    CustomFieldRule {
        options = List.copyOf(options);
    }

    static CustomFieldRule of(CustomFieldDefinition d) {
        return new CustomFieldRule(d.getKey(), d.getType(), d.getOptions(), d.isRequired(), d.isActive());
    }
}
