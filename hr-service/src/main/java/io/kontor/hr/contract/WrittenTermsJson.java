package io.kontor.hr.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** One text column for the written terms: they are read and printed whole, never queried item by item. */
@Converter
public class WrittenTermsJson implements AttributeConverter<WrittenTerms, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(WrittenTerms terms) {
        try {
            return terms == null ? null : JSON.writeValueAsString(terms);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public WrittenTerms convertToEntityAttribute(String column) {
        try {
            return column == null ? null : JSON.readValue(column, WrittenTerms.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
