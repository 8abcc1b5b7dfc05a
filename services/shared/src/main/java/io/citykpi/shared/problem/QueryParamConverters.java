package io.citykpi.shared.problem;

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
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * JAX-RS answers a query parameter that cannot be converted with a bare 404, as if the resource did
 * not exist. These converters answer 400 instead, naming the parameter and the expected form.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    private record Parser(Function<String, Object> parse, String expectation) {
    }

    private static final Map<Class<?>, Parser> PARSERS = Map.ofEntries(
            Map.entry(Integer.class, new Parser(Integer::valueOf, "must be a whole number")),
            Map.entry(int.class, new Parser(Integer::valueOf, "must be a whole number")),
            Map.entry(Long.class, new Parser(Long::valueOf, "must be a whole number")),
            Map.entry(long.class, new Parser(Long::valueOf, "must be a whole number")),
            Map.entry(BigDecimal.class, new Parser(BigDecimal::new, "must be a decimal number")),
            Map.entry(LocalDate.class, new Parser(LocalDate::parse, "must be a date (yyyy-MM-dd)")),
            Map.entry(OffsetDateTime.class, new Parser(OffsetDateTime::parse,
                    "must be a timestamp with an offset (RFC 3339, e.g. 2025-07-01T00:00:00+08:00)")),
            Map.entry(YearMonth.class, new Parser(YearMonth::parse, "must be a month (yyyy-MM)")),
            Map.entry(UUID.class, new Parser(UUID::fromString, "must be a UUID")),
            Map.entry(Boolean.class, new Parser(QueryParamConverters::bool, "must be true or false")),
            Map.entry(boolean.class, new Parser(QueryParamConverters::bool, "must be true or false")));

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        QueryParam query = Arrays.stream(annotations == null ? new Annotation[0] : annotations)
                .filter(QueryParam.class::isInstance).map(QueryParam.class::cast).findFirst().orElse(null);
        if (query == null) {
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
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return (T) chosen.parse().apply(value.strip());
                } catch (RuntimeException e) {
                    throw new InvalidQueryParameterException(query.value(), chosen.expectation());
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
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
