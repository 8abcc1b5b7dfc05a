package io.citykpi.shared.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.YearMonthDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;

/**
 * Money is 万元 as an exact decimal: never written in scientific notation, never read through a
 * binary float. Dates are ISO-8601 strings.
 *
 * <p>Reading is strict, because a value Jackson "helpfully" converts is a value nobody typed: a
 * duplicated key, data after the document, an enum given by its position ({@code 0}, {@code "1"}),
 * a boolean from {@code 2} or {@code ""}, a number where a date, a text or a boolean belongs, a
 * number or boolean written as a string, {@code 1.5} for a count, {@code null} for a count, and a NUL
 * character in any text are all refused; {@code ProblemMappers} answers each with a 400 naming the field.
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        strict(mapper);
    }

    /** Also used where a service reads JSON outside a request (tests, tools), so that both agree. */
    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // Dates only as ISO strings: no epoch numbers, no [2025,1,1] arrays, no 2025-02-30.
        mapper.setDefaultLeniency(false);
        for (Class<?> type : new Class<?>[]{LocalDate.class, YearMonth.class, OffsetDateTime.class, Instant.class,
                LocalDateTime.class, ZonedDateTime.class}) {
            mapper.configOverride(type).setFormat(JsonFormat.Value.forLeniency(false));
        }

        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[]{LogicalType.Boolean, LogicalType.Integer, LogicalType.Float,
                LogicalType.Textual, LogicalType.Enum, LogicalType.DateTime}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual || type == LogicalType.Enum
                            || type == LogicalType.DateTime ? CoercionAction.TryConvert : CoercionAction.Fail);
        }

        SimpleModule text = new SimpleModule("citykpi-text");
        text.addDeserializer(String.class, new NulRefusingStringDeserializer());
        text.addDeserializer(LocalDate.class, new IsoStringOnly<>(LocalDate.class, LocalDateDeserializer.INSTANCE));
        text.addDeserializer(YearMonth.class, new IsoStringOnly<>(YearMonth.class, YearMonthDeserializer.INSTANCE));
        text.addDeserializer(OffsetDateTime.class,
                new IsoStringOnly<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));
        mapper.registerModule(text);
        return mapper;
    }
}
