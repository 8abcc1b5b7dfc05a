package io.citykpi.bench.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark run, kept in a JSON file between the harness's commands (each step is
 * its own JVM) until {@code report} prints and writes them. Facts about the run (sizes, durations,
 * the machine) go in {@code facts}, in the order they were learnt.
 */
public final class Figures {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public record State(Map<String, Object> facts, List<Figure> figures) {
    }

    private final Path file;
    private final State state;

    private Figures(Path file, State state) {
        this.file = file;
        this.state = state;
    }

    public static Figures open(Path file) {
        if (!Files.exists(file)) {
            return new Figures(file, new State(new LinkedHashMap<>(), new ArrayList<>()));
        }
        try {
            State read = MAPPER.readValue(file.toFile(), State.class);
            return new Figures(file, new State(new LinkedHashMap<>(read.facts() == null ? Map.of() : read.facts()),
                    new ArrayList<>(read.figures() == null ? List.of() : read.figures())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Adds a figure, replacing one of the same section and name (a step run again). */
    public Figures add(Figure figure) {
        state.figures().removeIf(f -> f.section().equals(figure.section()) && f.name().equals(figure.name()));
        state.figures().add(figure);
        save();
        return this;
    }

    public Figures fact(String name, Object value) {
        state.facts().put(name, value);
        save();
        return this;
    }

    /** A run on a history generated earlier (--skip-generate) describes that history as the run that wrote it. */
    public Figures carryHistoryFrom(Figures earlier) {
        for (String name : List.of("facts", "seed", "history", "generation seconds", "generation events/s", "event mix")) {
            Object value = earlier.fact(name);
            if (value != null) {
                state.facts().put(name, value);
            }
        }
        save();
        return this;
    }

    public Object fact(String name) {
        return state.facts().get(name);
    }

    public List<Figure> figures() {
        return List.copyOf(state.figures());
    }

    public Map<String, Object> facts() {
        return Map.copyOf(state.facts());
    }

    /** The value of a figure measured earlier in the run, if it was. */
    public Double value(String section, String name) {
        return state.figures().stream().filter(f -> f.section().equals(section) && f.name().equals(name))
                .map(Figure::value).findFirst().orElse(null);
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            MAPPER.writeValue(file.toFile(), state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
