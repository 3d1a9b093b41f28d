package org.kefu.ticket;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.platform.reference.ReferenceCache;
import org.kefu.platform.reference.ReferenceData;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins configure about tickets: complaint types and custom fields. What opening and changing a ticket checks
 * against is cached on each node (ticket.complaint-types, ticket.custom-fields).
 */
@Service
@Transactional
public class TicketSettings {

    private final ComplaintTypes complaintTypes;
    private final CustomFieldDefinitions customFields;
    private final Clock clock;
    private final ReferenceCache<List<String>> activeComplaintTypes;
    private final ReferenceCache<Map<String, CustomFieldRule>> fieldRules;

    TicketSettings(ComplaintTypes complaintTypes, CustomFieldDefinitions customFields, Clock clock,
            ReferenceData references) {
        this.complaintTypes = complaintTypes;
        this.customFields = customFields;
        this.clock = clock;
        this.activeComplaintTypes = references.cache("ticket.complaint-types", () -> complaintTypes().stream()
                .filter(ComplaintType::isActive).map(ComplaintType::getCode).toList());
        this.fieldRules = references.cache("ticket.custom-fields", () -> {
            Map<String, CustomFieldRule> byKey = new LinkedHashMap<>();
            customFields().forEach(d -> byKey.put(d.getKey(), CustomFieldRule.of(d)));
            return java.util.Collections.unmodifiableMap(byKey);
        });
    }

    @Transactional(readOnly = true)
    public List<ComplaintType> complaintTypes() {
        return complaintTypes.findAllByOrderByPositionAscIdAsc();
    }

    public ComplaintType createComplaintType(String code, String nameZhCn, String nameZhTw, String nameEn, Integer position) {
        String normalised = code.strip().toUpperCase(Locale.ROOT);
        if (complaintTypes.findByCode(normalised).isPresent()) {
            throw new ConflictException("A complaint type with the code " + normalised + " already exists.");
        }
        ComplaintType created = complaintTypes.save(new ComplaintType(normalised, nameZhCn.strip(), nameZhTw.strip(),
                nameEn.strip(), position == null ? 100 : position, clock.instant()));
        activeComplaintTypes.changed();
        return created;
    }

    public ComplaintType changeComplaintType(long id, String nameZhCn, String nameZhTw, String nameEn, Integer position,
            Boolean active) {
        ComplaintType type = complaintTypes.findById(id).orElseThrow(() -> new NotFoundException("Complaint type", id));
        type.rename(nameZhCn == null ? type.getNameZhCn() : nameZhCn.strip(),
                nameZhTw == null ? type.getNameZhTw() : nameZhTw.strip(),
                nameEn == null ? type.getNameEn() : nameEn.strip());
        type.arrange(position == null ? type.getPosition() : position, active == null ? type.isActive() : active);
        activeComplaintTypes.changed();
        return type;
    }

    /** The code of an active complaint type, or a validation error naming the known ones. */
    @Transactional(readOnly = true)
    String requireActiveComplaintType(String code) {
        List<String> active = activeComplaintTypes.get();
        if (active.contains(code)) {
            return code;
        }
        throw InvalidRequestException.of("complaintType", "'" + code + "' is not an active complaint type; known: " + active);
    }

    @Transactional(readOnly = true)
    public List<CustomFieldDefinition> customFields() {
        return customFields.findAllByOrderByPositionAscIdAsc();
    }

    /** What values of each custom field must look like, by key in display order. */
    @Transactional(readOnly = true)
    Map<String, CustomFieldRule> customFieldsByKey() {
        return fieldRules.get();
    }

    public CustomFieldDefinition createCustomField(String key, String label, CustomFieldDefinition.Type type,
            List<String> options, boolean required, Integer position) {
        if (customFields.findByKey(key).isPresent()) {
            throw new ConflictException("A custom field with the key " + key + " already exists.");
        }
        boolean select = type == CustomFieldDefinition.Type.SELECT || type == CustomFieldDefinition.Type.MULTI_SELECT;
        if (select && (options == null || options.isEmpty())) {
            throw InvalidRequestException.of("options", "a " + type + " field needs at least one option");
        }
        if (!select && options != null && !options.isEmpty()) {
            throw InvalidRequestException.of("options", "only SELECT and MULTI_SELECT fields have options");
        }
        CustomFieldDefinition created = customFields.save(new CustomFieldDefinition(key, label.strip(), type, options,
                required, position == null ? 100 : position, clock.instant()));
        fieldRules.changed();
        return created;
    }

    public CustomFieldDefinition changeCustomField(long id, String label, List<String> options, Boolean required,
            Boolean active, Integer position) {
        CustomFieldDefinition definition = customFields.findById(id).orElseThrow(() -> new NotFoundException("Custom field", id));
        if (options != null && definition.getType() != CustomFieldDefinition.Type.SELECT
                && definition.getType() != CustomFieldDefinition.Type.MULTI_SELECT) {
            throw InvalidRequestException.of("options", "only SELECT and MULTI_SELECT fields have options");
        }
        definition.change(label, options, required, active, position);
        fieldRules.changed();
        return definition;
    }
}
