package org.kefu.ticket;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins configure about tickets: complaint types and custom fields. */
@Service
@Transactional
public class TicketSettings {

    private final ComplaintTypes complaintTypes;
    private final CustomFieldDefinitions customFields;
    private final Clock clock;

    TicketSettings(ComplaintTypes complaintTypes, CustomFieldDefinitions customFields, Clock clock) {
        this.complaintTypes = complaintTypes;
        this.customFields = customFields;
        this.clock = clock;
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
        return complaintTypes.save(new ComplaintType(normalised, nameZhCn.strip(), nameZhTw.strip(), nameEn.strip(),
                position == null ? 100 : position, clock.instant()));
    }

    public ComplaintType changeComplaintType(long id, String nameZhCn, String nameZhTw, String nameEn, Integer position,
            Boolean active) {
        ComplaintType type = complaintTypes.findById(id).orElseThrow(() -> new NotFoundException("Complaint type", id));
        type.rename(nameZhCn == null ? type.getNameZhCn() : nameZhCn.strip(),
                nameZhTw == null ? type.getNameZhTw() : nameZhTw.strip(),
                nameEn == null ? type.getNameEn() : nameEn.strip());
        type.arrange(position == null ? type.getPosition() : position, active == null ? type.isActive() : active);
        return type;
    }

    /** The code of an active complaint type, or a validation error naming the known ones. */
    @Transactional(readOnly = true)
    String requireActiveComplaintType(String code) {
        return complaintTypes.findByCode(code).filter(ComplaintType::isActive).map(ComplaintType::getCode)
                .orElseThrow(() -> InvalidRequestException.of("complaintType", "'" + code + "' is not an active complaint type; known: "
                        + complaintTypes().stream().filter(ComplaintType::isActive).map(ComplaintType::getCode).toList()));
    }

    @Transactional(readOnly = true)
    public List<CustomFieldDefinition> customFields() {
        return customFields.findAllByOrderByPositionAscIdAsc();
    }

    @Transactional(readOnly = true)
    Map<String, CustomFieldDefinition> customFieldsByKey() {
        Map<String, CustomFieldDefinition> byKey = new LinkedHashMap<>();
        customFields().forEach(d -> byKey.put(d.getKey(), d));
        return byKey;
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
        return customFields.save(new CustomFieldDefinition(key, label.strip(), type, options, required,
                position == null ? 100 : position, clock.instant()));
    }

    public CustomFieldDefinition changeCustomField(long id, String label, List<String> options, Boolean required,
            Boolean active, Integer position) {
        CustomFieldDefinition definition = customFields.findById(id).orElseThrow(() -> new NotFoundException("Custom field", id));
        if (options != null && definition.getType() != CustomFieldDefinition.Type.SELECT
                && definition.getType() != CustomFieldDefinition.Type.MULTI_SELECT) {
            throw InvalidRequestException.of("options", "only SELECT and MULTI_SELECT fields have options");
        }
        definition.change(label, options, required, active, position);
        return definition;
    }
}
