package io.citykpi.shared.http;

import io.citykpi.shared.problem.InvalidFieldsException;
import io.citykpi.shared.problem.Problem;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before the resource method runs, what no resource should have to check for itself:
 * <ul>
 *   <li>a query parameter the operation does not declare (a misspelt filter would otherwise be
 *       ignored and the answer silently cover more than was asked), and</li>
 *   <li>a NUL character (U+0000) in a path or query value, which PostgreSQL cannot store or compare.</li>
 * </ul>
 * The declared parameters are read from the matched method ({@code @QueryParam}, {@code @RestQuery},
 * and those of its {@code @BeanParam}s), so a new endpoint is covered without doing anything.
 */
public class RequestParameterFilter {

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, UriInfo uri, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        nul(uri.getPathParameters(), errors);
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        nul(query, errors);
        Set<String> declared = DECLARED.computeIfAbsent(method, RequestParameterFilter::declaredQueryParameters);
        for (String name : new TreeSet<>(query.keySet())) {
            if (!declared.contains(name)) {
                errors.add(new Problem.FieldError(name, "UnknownParameter", declared.isEmpty()
                        ? "is not a parameter of this operation, which takes none"
                        : "is not a parameter of this operation; it takes " + String.join(", ", declared)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }

    private static void nul(MultivaluedMap<String, String> values, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            if (entry.getKey().indexOf('\u0000') >= 0
                    || entry.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                errors.add(new Problem.FieldError(entry.getKey().replace('\u0000', '\uFFFD'), "NoNulCharacter",
                        "must not contain the NUL character (U+0000)"));
            }
        }
    }

    static Set<String> declaredQueryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            collect(parameter, parameter.getName(), parameter.getType(), names);
        }
        return Set.copyOf(names);
    }

    private static void collect(AnnotatedElement element, String javaName, Class<?> type, Set<String> names) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            names.add(query.value());
        }
        RestQuery rest = element.getAnnotation(RestQuery.class);
        if (rest != null) {
            names.add(rest.value().isEmpty() ? javaName : rest.value());
        }
        if (element.isAnnotationPresent(BeanParam.class)) {
            bean(type, names);
        }
    }

    private static void bean(Class<?> type, Set<String> names) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                collect(component, component.getName(), component.getType(), names);
                // on a record the annotation may have been propagated to the field only
                try {
                    Field field = type.getDeclaredField(component.getName());
                    collect(field, field.getName(), field.getType(), names);
                } catch (NoSuchFieldException ignored) {
                    // a component always has its field
                }
            }
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                collect(field, field.getName(), field.getType(), names);
            }
            for (Method setter : c.getDeclaredMethods()) {
                if (setter.getParameterCount() == 1) {
                    collect(setter, setter.getName(), setter.getParameterTypes()[0], names);
                }
            }
        }
    }
}
