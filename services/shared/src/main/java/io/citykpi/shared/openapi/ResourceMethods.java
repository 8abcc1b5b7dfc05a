package io.citykpi.shared.openapi;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * The resource method behind each operation of the OpenAPI document, found in the build's Jandex index by HTTP
 * method and path ("GET /api/v1/projects/{id}"), for build-time filters that document what the Java code decides
 * (who may call it, which media types it writes). Operation ids stay free to be the API's own names.
 */
public final class ResourceMethods {

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private final Map<String, MethodInfo> byOperation = new HashMap<>();

    public ResourceMethods(IndexView index) {
        Set<ClassInfo> resources = new HashSet<>();
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() == AnnotationTarget.Kind.CLASS) {
                resources.add(path.target().asClass());
            } else if (path.target().kind() == AnnotationTarget.Kind.METHOD) {
                resources.add(path.target().asMethod().declaringClass());
            }
        }
        for (ClassInfo resource : resources) {
            AnnotationInstance classPath = resource.declaredAnnotation(PATH);
            for (MethodInfo method : resource.methods()) {
                for (String verb : HTTP_METHODS) {
                    if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + verb))) {
                        AnnotationInstance methodPath = method.declaredAnnotation(PATH);
                        byOperation.put(verb + " " + join(classPath == null ? "" : classPath.value().asString(),
                                methodPath == null ? "" : methodPath.value().asString()), method);
                    }
                }
            }
        }
    }

    /** The method serving an HTTP method (upper case) on a path as the document writes it. */
    public Optional<MethodInfo> of(String httpMethod, String path) {
        return Optional.ofNullable(byOperation.get(httpMethod + " " + path));
    }

    /** An annotation of the method, or else of its class. */
    public static Optional<AnnotationInstance> annotation(MethodInfo method, DotName name) {
        AnnotationInstance annotation = method.declaredAnnotation(name);
        return Optional.ofNullable(annotation != null ? annotation : method.declaringClass().declaredAnnotation(name));
    }

    /** A class and a method @Path as the OpenAPI document writes them: one slash between parts, no regex. */
    static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
