package io.citykpi.bench.report;

import io.citykpi.bench.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a result was measured on: CPU, cores, memory, JDK, PostgreSQL and Kafka versions, the
 * gateway's JVM options and how busy the machine was. {@code --pg-url} (a JDBC URL of the gateway's
 * database, user postgres) and {@code --kafka-classpath-file} (the broker module's classpath, for
 * the broker's version) name where to look; anything not found says so.
 */
final class Machine {

    private Machine() {
    }

    static Map<String, String> describe(Settings settings, String gatewayJvm, Object loadAtStart) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CPU", read("/proc/cpuinfo").flatMap(c -> c.lines().filter(l -> l.startsWith("model name")).findFirst())
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown"));
        m.put("cores", Runtime.getRuntime().availableProcessors() + " (shared with whatever else ran on the machine)");
        m.put("memory", read("/proc/meminfo").flatMap(c -> c.lines().filter(l -> l.startsWith("MemTotal")).findFirst())
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").orElse("unknown"));
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("PostgreSQL", postgres(settings));
        m.put("Kafka", kafka(settings));
        m.put("gateway JVM", gatewayJvm);
        m.put("load average (1, 5, 15 min)", (loadAtStart == null ? "" : "at start " + loadAtStart + ", ")
                + "at the end " + read("/proc/loadavg").map(l -> String.join(" ", java.util.Arrays.asList(l.split(" ")).subList(0, 3)))
                .orElse("unknown"));
        settings.optional("code-version").ifPresent(v -> m.put("code", v));
        return m;
    }

    private static String postgres(Settings settings) {
        Optional<String> url = settings.optional("pg-url");
        if (url.isEmpty()) {
            return "unknown (no --pg-url)";
        }
        try (Connection c = DriverManager.getConnection(url.get(), settings.text("pg-user", "postgres"),
                settings.text("pg-password", ""));
             ResultSet rs = c.createStatement().executeQuery("select version(), current_setting('shared_buffers')")) {
            rs.next();
            String version = rs.getString(1);
            return version.substring(0, version.indexOf(" on ") > 0 ? version.indexOf(" on ") : version.length())
                    + ", shared_buffers " + rs.getString(2);
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String kafka(Settings settings) {
        String client = org.apache.kafka.common.utils.AppInfoParser.getVersion();
        Optional<String> broker = settings.optional("kafka-classpath-file").flatMap(Machine::read).flatMap(cp -> {
            Matcher m = Pattern.compile("kafka_[0-9.]+-([0-9][^/:]*)\\.jar").matcher(cp);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
        return broker.map(b -> "broker " + b + " (one node, KRaft, 512 MB heap, as make run starts it), ").orElse("")
                + "clients " + client;
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
