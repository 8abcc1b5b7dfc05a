package io.citykpi.shared.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Event-type names and the values of the producers' enums are written once, in the contract. Anywhere
 * else a string literal spelling one ("CANCELLED", "citykpi.projects.project-registered.v1") is a
 * second definition that a rename in the contract would not reach, so this test fails on it.
 */
class ContractLiteralsTest {

    @Test
    void noEventTypeNameOrProducerEnumValueIsSpelledOutsideTheContract() {
        Set<String> names = contractNames();
        List<String> found = new ArrayList<>();
        for (Path file : sourcesOutsideTheContract()) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                for (String literal : JavaLiterals.withoutExamples(lines.get(i))) {
                    if (names.contains(literal)) {
                        found.add(services().relativize(file) + ":" + (i + 1) + " \"" + literal + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "use the contract's constants (io.citykpi.shared.contract) instead");
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        Set<String> names = contractNames();
        assertTrue(names.contains("citykpi.safety-inspection.hazard-listed.v1"));
        assertTrue(names.contains("MAJOR"));
        assertTrue(names.contains("CANCELLED"));
        assertTrue(names.contains("TERMINATED"));
        assertTrue(names.contains("UNDER_CONSTRUCTION"));
        assertEquals(List.of("MAJOR", "a \"b\""), JavaLiterals.of("x = \"MAJOR\"; y(\"a \\\"b\\\"\"); // \"CANCELLED\""));
        assertEquals(List.of("TERMINATED"), JavaLiterals.withoutExamples("@Schema(example = \"STARTED\") s = \"TERMINATED\";"));
        assertEquals(List.of(), JavaLiterals.of("char c = '\"'; /* \"TERMINATED\" */"));
        assertTrue(sourcesOutsideTheContract().stream().anyMatch(p -> p.toString().contains("gateway")),
                "the scan must reach the gateway's sources");
    }

    /** Every event type, its short name, and every value of an enum a payload record carries. */
    static Set<String> contractNames() {
        Set<String> names = new TreeSet<>();
        Set<Class<?>> seen = new HashSet<>();
        for (String type : EventContract.types()) {
            names.add(type);
            names.add(type.split("\\.")[2]);
            EventContract.payloadType(type).ifPresent(record -> collectEnums(record, seen, names));
        }
        return names;
    }

    private static void collectEnums(Type type, Set<Class<?>> seen, Set<String> names) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collectEnums(argument, seen, names);
            }
            return;
        }
        if (!(type instanceof Class<?> cls) || !seen.add(cls)) {
            return;
        }
        if (cls.isEnum()) {
            for (Object constant : cls.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
        } else if (cls.isRecord()) {
            for (RecordComponent component : cls.getRecordComponents()) {
                collectEnums(component.getGenericType(), seen, names);
            }
        }
    }

    private static List<Path> sourcesOutsideTheContract() {
        try (Stream<Path> services = Files.list(services())) {
            return services.filter(dir -> !dir.getFileName().toString().equals("shared"))
                    .map(dir -> dir.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(ContractLiteralsTest::javaFiles)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** services/ above this module (tests run in services/shared). */
    private static Path services() {
        return Path.of("").toAbsolutePath().getParent();
    }

    private static List<String> read(Path file) {
        try {
            return JavaLiterals.withoutTextBlocksAndBlockComments(Files.readString(file)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Just enough of Java's lexical rules to find ordinary string literals on a line. */
    static final class JavaLiterals {

        private JavaLiterals() {
        }

        /**
         * Text blocks are JSON examples for the API docs (a whole document, never one value) and block
         * comments are prose; both are blanked, keeping line numbers.
         */
        static String withoutTextBlocksAndBlockComments(String source) {
            StringBuilder out = new StringBuilder(source.length());
            int i = 0;
            while (i < source.length()) {
                String end = source.startsWith("\"\"\"", i) ? "\"\"\"" : source.startsWith("/*", i) ? "*/" : null;
                if (end == null) {
                    char c = source.charAt(i);
                    if (c == '"' || c == '\'') {
                        int close = closing(source, i);
                        out.append(source, i, close + 1);
                        i = close + 1;
                    } else if (source.startsWith("//", i)) {
                        int eol = source.indexOf('\n', i);
                        i = eol < 0 ? source.length() : eol;
                    } else {
                        out.append(c);
                        i++;
                    }
                    continue;
                }
                int close = source.indexOf(end, i + 2 + (end.length() == 3 ? 1 : 0));
                close = close < 0 ? source.length() : close + end.length();
                source.substring(i, close).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = close;
            }
            return out.toString();
        }

        /**
         * The literals of a line except OpenAPI examples ({@code example = "STARTED"}): an example shows a
         * reader one value of the contract and is itself checked against the generated schema.
         */
        static List<String> withoutExamples(String line) {
            return of(line.replaceAll("example\\s*=\\s*\"(?:[^\"\\\\]|\\\\.)*\"", "example = EXAMPLE"));
        }

        /** The string literals of one line, unescaped enough to compare (\" becomes "). */
        static List<String> of(String line) {
            List<String> literals = new ArrayList<>();
            String code = withoutTextBlocksAndBlockComments(line);
            int i = 0;
            while (i < code.length()) {
                char c = code.charAt(i);
                if (c == '"' || c == '\'') {
                    int close = closing(code, i);
                    if (c == '"') {
                        literals.add(code.substring(i + 1, close).replace("\\\"", "\"").replace("\\\\", "\\"));
                    }
                    i = close + 1;
                } else {
                    i++;
                }
            }
            return literals;
        }

        private static int closing(String s, int open) {
            char quote = s.charAt(open);
            int i = open + 1;
            while (i < s.length() && s.charAt(i) != quote && s.charAt(i) != '\n') {
                i += s.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(i, s.length() - 1);
        }
    }

}
