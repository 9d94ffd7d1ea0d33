package io.kontor.hr.application;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;

/** An interview's scores per criterion, kept as one JSON column: they are only ever read whole. */
@Converter
public class ScoresJson implements AttributeConverter<Map<String, Integer>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(Map<String, Integer> scores) {
        try {
            return JSON.writeValueAsString(scores == null ? Map.of() : new TreeMap<>(scores));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public Map<String, Integer> convertToEntityAttribute(String column) {
        try {
            return column == null ? Map.of() : JSON.readValue(column, new TypeReference<TreeMap<String, Integer>>() {});
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
