package io.citykpi.shared.problem;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * JAX-RS answers a query or path parameter that cannot be converted with a bare 404, as if the
 * resource did not exist. These converters answer 400 instead, naming the parameter and the expected
 * form; only a path segment that no record or category can have (an id that is not a UUID, an
 * unknown category) stays a 404 (problem+json): there is nothing at that URI. Dates and months have exactly four year digits, so that no parameter reaches PostgreSQL
 * with a year it cannot store; the range a business date may take is {@code @BusinessDate}'s job.
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    private record Parser(Function<String, Object> parse, String expectation) {
    }

    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 4, SignStyle.NOT_NEGATIVE).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private static final Map<Class<?>, Parser> PARSERS = Map.ofEntries(
            Map.entry(Integer.class, new Parser(Integer::valueOf, "must be a whole number")),
            Map.entry(int.class, new Parser(Integer::valueOf, "must be a whole number")),
            Map.entry(Long.class, new Parser(Long::valueOf, "must be a whole number")),
            Map.entry(long.class, new Parser(Long::valueOf, "must be a whole number")),
            Map.entry(BigDecimal.class, new Parser(BigDecimal::new, "must be a decimal number")),
            Map.entry(LocalDate.class, new Parser(value -> LocalDate.parse(value, DATE), "must be a date (yyyy-MM-dd)")),
            Map.entry(OffsetDateTime.class, new Parser(ParamConverters::timestamp,
                    "must be a timestamp with an offset (RFC 3339, e.g. 2025-07-01T00:00:00+08:00)")),
            Map.entry(YearMonth.class, new Parser(value -> YearMonth.parse(value, MONTH), "must be a month (yyyy-MM)")),
            Map.entry(UUID.class, new Parser(ParamConverters::uuid, "must be a UUID")),
            Map.entry(Boolean.class, new Parser(ParamConverters::bool, "must be true or false")),
            Map.entry(boolean.class, new Parser(ParamConverters::bool, "must be true or false")));

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        Parser parser = PARSERS.get(rawType);
        if (parser == null && rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            parser = new Parser(value -> Enum.valueOf(type, value), "must be one of " + allowed);
        }
        if (parser == null) {
            return null;
        }
        Parser chosen = parser;
        boolean path = Arrays.stream(annotations).anyMatch(PathParam.class::isInstance);
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return (T) chosen.parse().apply(value.strip());
                } catch (RuntimeException e) {
                    if (path && (rawType == UUID.class || rawType.isEnum())) {
                        // a path segment no record or category can have: there is nothing at this URI
                        throw new ProblemException(404, "not-found", "Not found", "there is no " + name + " '"
                                + value.replace('\u0000', '\uFFFD') + "': " + name + " " + chosen.expectation(),
                                Map.of());
                    }
                    throw new InvalidParameterException(name, chosen.expectation());
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
        }
        return null;
    }

    private static Object timestamp(String value) {
        OffsetDateTime parsed = OffsetDateTime.parse(value);
        if (parsed.getYear() < 1 || parsed.getYear() > 9999) {
            throw new IllegalArgumentException(value);
        }
        return parsed;
    }

    /** {@link UUID#fromString} also accepts "1-2-3-4-5"; only the canonical 36-character form is an id. */
    private static Object uuid(String value) {
        if (value.length() != 36) {
            throw new IllegalArgumentException(value);
        }
        return UUID.fromString(value);
    }

    private static Object bool(String value) {
        if ("true".equalsIgnoreCase(value)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(value)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(value);
    }
}
