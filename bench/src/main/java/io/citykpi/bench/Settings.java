package io.citykpi.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one harness command: {@code --name=value} or {@code --name value}; a bare
 * {@code --flag} is {@code true}. Every command says what it reads, with its default.
 */
public final class Settings {

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    public static Settings parse(String[] args, int from) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (options are --name=value)");
            }
            String name = arg.substring(2);
            if (name.contains("=")) {
                values.put(name.substring(0, name.indexOf('=')), name.substring(name.indexOf('=') + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(name, args[++i]);
            } else {
                values.put(name, "true");
            }
        }
        return new Settings(values);
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(new LinkedHashMap<>(values));
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException("--" + name + " is required"));
    }

    public long number(String name, long fallback) {
        return optional(name).map(Settings::parseCount).orElse(fallback);
    }

    public double decimal(String name, double fallback) {
        return optional(name).map(Double::parseDouble).orElse(fallback);
    }

    public boolean flag(String name) {
        return optional(name).map(Boolean::parseBoolean).orElse(false);
    }

    /** 50000, 50k, 1M, 5m. */
    public static long parseCount(String text) {
        String t = text.trim().replace("_", "");
        char last = Character.toLowerCase(t.charAt(t.length() - 1));
        if (last == 'k' || last == 'm') {
            double base = Double.parseDouble(t.substring(0, t.length() - 1));
            return Math.round(base * (last == 'k' ? 1_000 : 1_000_000));
        }
        return Long.parseLong(t);
    }

    /** 50000 → 50k, 1000000 → 1M, 5000000 → 5M, 1200000 → 1.2M. */
    public static String formatCount(long count) {
        if (count >= 1_000_000 && count % 100_000 == 0) {
            return trim(count / 1_000_000.0) + "M";
        }
        if (count >= 1_000 && count % 1_000 == 0) {
            return trim(count / 1_000.0) + "k";
        }
        return Long.toString(count);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
