package org.kefu.ticket;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores a map as JSON text, which H2 and PostgreSQL hold alike. */
@Converter
class JsonColumn implements AttributeConverter<Map<String, Object>, String> {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, Object> attribute) {
        return attribute == null || attribute.isEmpty() ? null : JSON.writeValueAsString(attribute);
    }

    @Override
    public Map<String, Object> convertToEntityAttribute(String dbData) {
        return dbData == null || dbData.isBlank() ? new LinkedHashMap<>() : JSON.readValue(dbData, MAP);
    }

    static String write(Map<String, ?> data) {
        return JSON.writeValueAsString(data);
    }

    static Map<String, Object> read(String data) {
        return data == null ? Map.of() : JSON.readValue(data, MAP);
    }
}
