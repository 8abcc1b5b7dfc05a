package io.citykpi.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Keycloak server, unpacked from the distribution zip that services/keycloak-server resolves and
 * built ({@code kc.sh build}) once per machine and version under {@code ~/.cache/citykpi/keycloak-<version>}
 * ({@code CITYKPI_CACHE_DIR} moves it): the build takes a minute, a start of the built server seconds.
 * Several JVMs (make run, make test in other worktrees) may ask at once: a file lock makes one build
 * and the others wait. Instances never write here; each has its own home (see {@link Keycloak}).
 */
final class KeycloakDistribution {

    /** Build-time options; a change rebuilds. Runtime options are given at each start. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true");
    private static final String DIST_FILE_RELATIVE = "services/keycloak-server/target/keycloak-dist.path";

    private KeycloakDistribution() {
    }

    /** The built distribution's directory (with bin/kc.sh), building it first when needed. */
    static Path built() {
        Path zip = zip();
        String version = zip.getFileName().toString().replaceFirst("^keycloak-quarkus-dist-", "").replaceFirst("\\.zip$", "");
        Path cache = cacheDirectory().resolve("keycloak-" + version);
        Path dist = cache.resolve("dist");
        Path marker = cache.resolve("built");
        String expected = String.join(" ", BUILD_OPTIONS) + "\n";
        try {
            Files.createDirectories(cache);
            try (FileChannel channel = FileChannel.open(cache.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (Files.exists(marker) && Files.readString(marker).equals(expected)) {
                    return dist;
                }
                if (!Files.exists(dist.resolve("bin/kc.sh"))) {
                    Files2.deleteRecursively(dist);
                    System.out.printf("Unpacking Keycloak %s into %s%n", version, dist);
                    unzip(zip, dist);
                }
                System.out.printf("Building Keycloak %s once for this machine (%s; about a minute)%n", version,
                        String.join(" ", BUILD_OPTIONS));
                build(dist, cache.resolve("build.log"));
                Files.writeString(marker, expected, StandardCharsets.UTF_8);
                return dist;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Keycloak in " + cache, e);
        }
    }

    /** Where a JDK-specific class-data archive of the server may be kept (see {@link Keycloak}). */
    static Path classDataArchive(Path dist) {
        String jdk = System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9.+-]", "_");
        return dist.resolveSibling("keycloak-" + jdk + ".jsa");
    }

    private static void build(Path dist, Path log) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(dist.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("kc.sh build failed:\n" + Processes.tail(log, 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while building Keycloak", e);
        }
    }

    /** Unpacks the zip's single top directory (keycloak-x.y.z/) as {@code target}. */
    private static void unzip(Path zip, Path target) throws IOException {
        Path staging = Files.createTempDirectory(target.getParent(), "unpack-");
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path path = staging.resolve(entry.getName()).normalize();
                if (!path.startsWith(staging)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(entries, path, StandardCopyOption.REPLACE_EXISTING);
                    if (path.getFileName().toString().endsWith(".sh")) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        try (var top = Files.list(staging)) {
            Path root = top.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException(zip + " has no top directory"));
            Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files2.deleteRecursively(staging);
        }
    }

    /**
     * The zip in the local Maven repository: system property {@code testkit.keycloak.dist.file},
     * environment {@code TESTKIT_KEYCLOAK_DIST_FILE}, or found upwards from the working directory.
     */
    private static Path zip() {
        String configured = System.getProperty("testkit.keycloak.dist.file", System.getenv("TESTKIT_KEYCLOAK_DIST_FILE"));
        Path file = configured != null ? Path.of(configured) : Files2.findUpwards(DIST_FILE_RELATIVE);
        if (file == null || !Files.exists(file)) {
            throw new IllegalStateException("Keycloak distribution path not found (" + configured
                    + "): build services/keycloak-server first (mvn -pl services/keycloak-server generate-resources)");
        }
        try {
            Path zip = Path.of(Files.readString(file).strip());
            if (!Files.exists(zip)) {
                throw new IllegalStateException(zip + " (named in " + file + ") does not exist: build services/keycloak-server again");
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path cacheDirectory() {
        String configured = System.getenv("CITYKPI_CACHE_DIR");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "citykpi");
    }
}
