package io.citykpi.bench.report;

import io.citykpi.bench.Gateway;
import io.citykpi.bench.Log;
import io.citykpi.bench.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code report}: prints "figure | value | baseline | ratio | goal" and writes the run, with the
 * machine it ran on, to {@code --results-dir} (bench/results) as {@code <date>-<size>.md}.
 * {@code --label} says what was measured (e.g. which gateway).
 */
public final class Report {

    private Report() {
    }

    public static void run(Settings settings, Figures figures) throws IOException {
        // Named after the size asked for (--facts), else after the events written, rounded.
        Object written = figures.fact("facts");
        String size = settings.optional("facts").map(f -> Settings.formatCount(Settings.parseCount(f)))
                .orElse(written instanceof Number n ? Settings.formatCount(roundForName(n.longValue())) : "unknown-size");
        Map<String, String> machine = Machine.describe(settings, Gateway.jvmOptions(settings), figures.fact("load at start"));
        String markdown = markdown(settings, figures, size, machine);
        System.out.println();
        System.out.println(table(figures.figures()));
        Path dir = Path.of(settings.text("results-dir", "bench/results"));
        Files.createDirectories(dir);
        Path file = dir.resolve(settings.text("date", LocalDate.now().toString()) + "-" + size + ".md");
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        Log.info("Results written to %s", file);
    }

    /** 1,003,412 events make a "1M" run, 49,870 a "50k" one. */
    static long roundForName(long facts) {
        if (facts >= 1_000_000) {
            return Math.round(facts / 100_000.0) * 100_000;
        }
        return facts >= 1_000 ? Math.round(facts / 1_000.0) * 1_000 : facts;
    }

    /** The figures as a fixed-width table for the terminal. */
    static String table(List<Figure> figures) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"figure", "value", "baseline", "ratio", "goal", "met"});
        for (Figure f : figures) {
            rows.add(new String[] {f.name(), f.formattedValue(), f.formattedBaseline(), f.formattedRatio(),
                    f.formattedGoals(), met(f)});
        }
        int[] widths = new int[6];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                boolean number = i == 1 || i == 3;
                out.append(number ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false)).append(i < 5 ? " | " : "");
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String markdown(Settings settings, Figures figures, String size, Map<String, String> machine) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark: ").append(size).append(" facts");
        settings.optional("title").ifPresent(t -> md.append(" — ").append(t));
        md.append("\n\n");
        settings.optional("label").ifPresent(l -> md.append(l).append("\n\n"));
        if (figures.fact("command") != null) {
            md.append("Run with `").append(figures.fact("command")).append("`.\n\n");
        }
        md.append("## Figures\n\n");
        md.append("Each figure beside its baseline measured in the same run on the same machine; goals from issue 15 ")
                .append("(meant for 5 M facts).\n\n");
        md.append("| figure | value | baseline | ratio | goal | met |\n|---|---:|---|---:|---|---|\n");
        for (Figure f : figures.figures()) {
            md.append("| ").append(f.name()).append(" | ").append(f.formattedValue()).append(" | ")
                    .append(f.formattedBaseline()).append(" | ").append(f.formattedRatio()).append(" | ")
                    .append(f.formattedGoals()).append(" | ").append(met(f)).append(" |\n");
        }
        md.append("\n## Notes on the figures\n\n");
        for (Figure f : figures.figures()) {
            if (f.note() != null && !f.note().isBlank()) {
                md.append("- **").append(f.name()).append("**: ").append(f.note()).append('\n');
            }
        }
        md.append("\n## The run\n\n| | |\n|---|---|\n");
        figures.facts().entrySet().stream().filter(e -> !(e.getValue() instanceof Map) && !e.getKey().equals("command"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(formatFact(e.getValue())).append(" |\n"));
        if (figures.fact("event mix") instanceof Map<?, ?> mix) {
            long total = mix.values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
            md.append("\nEvents written by the generator:\n\n| event type | events | share |\n|---|---:|---:|\n");
            mix.forEach((type, count) -> md.append(String.format("| %s | %,d | %.1f%% |%n", type,
                    ((Number) count).longValue(), 100.0 * ((Number) count).longValue() / total)));
        }
        md.append("\n## Machine\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return md.toString();
    }

    private static String formatFact(Object value) {
        return value instanceof Number n && n.doubleValue() >= 1000 ? String.format("%,d", n.longValue()) : String.valueOf(value);
    }

    private static String met(Figure f) {
        Boolean met = f.met();
        return met == null ? "" : met ? "yes" : "no";
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return right ? spaces + text : text + spaces;
    }
}
