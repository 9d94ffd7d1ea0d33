package io.kontor.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Request bodies are read strictly, so that a client's mistake is a 400 naming the field instead of being guessed at
 * (found by the system tests' fuzzing, issue #9):
 *
 * <ul>
 *   <li>anything after the JSON value ({@code {"a":1}}}) is malformed JSON, not ignored;
 *   <li>an empty string is no number, date, UUID or enum constant, rather than silently none (a project created without
 *       its customer from {@code "customerId": ""});
 *   <li>a date has a four-digit year: {@code +999999999-12-31} is a valid ISO-8601 date, but beyond what PostgreSQL
 *       stores, and was a 500;
 *   <li>a text holds no NUL character (JSON escape u0000), which PostgreSQL cannot store either (also a 500).
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    /** Last: a module registered later wins, and the date reader must win over the Java time module's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("kontor-strict-json")
                .addDeserializer(LocalDate.class, new LocalDateDeserializer(DATE))
                .addDeserializer(String.class, new TextWithoutNul()));
    }

    /** Jackson's own reading of a text, refusing NUL. */
    static final class TextWithoutNul extends StdScalarDeserializer<String> {

        TextWithoutNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf(0) >= 0) {
                throw MismatchedInputException.from(parser, String.class, "a text must not contain the NUL character");
            }
            return text;
        }
    }
}
