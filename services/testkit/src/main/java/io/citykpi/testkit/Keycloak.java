package io.citykpi.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Keycloak (from {@link KeycloakDistribution}) serving the {@code citykpi} realm of
 * deploy/keycloak/citykpi-realm.json, on loopback, with a fixed hostname {@code http://localhost:<port>}
 * so that the token issuer never depends on how a client called it.
 *
 * <p>Each instance has its own home (its dev-file database, the realm to import) whose {@code lib}
 * points at the shared build. The first `make run` on a JDK writes a class-data archive of the server
 * when it stops (dumping it takes a few seconds more); every later start, tests' too, loads it and
 * starts in about half the time.
 */
public final class Keycloak implements AutoCloseable {

    public static final String REALM = "citykpi";
    public static final String COCKPIT_CLIENT = "citykpi-cockpit";
    public static final String DEMO_LOADER_CLIENT = "citykpi-demo-loader";
    public static final String INTEGRATION_CLIENT = "citykpi-integration";
    /** The password of the realm's development users (admin, leader, clerk-<unit>). */
    public static final String DEMO_PASSWORD = "citykpi-demo";
    /** Confidential clients and the environment variable the realm file reads their secret from. */
    public static final Map<String, String> CLIENT_SECRET_VARIABLES = Map.of(
            DEMO_LOADER_CLIENT, "CITYKPI_DEMO_LOADER_SECRET",
            INTEGRATION_CLIENT, "CITYKPI_INTEGRATION_SECRET");
    private static final String REALM_RELATIVE = "deploy/keycloak/citykpi-realm.json";
    private static final Duration START = Duration.ofSeconds(300);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final int port;
    private final int managementPort;
    private final Map<String, String> clientSecrets;
    private final boolean temporary;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private Process process;
    private Path archiveInProgress;

    private record Token(String value, Instant renewAfter) {
    }

    /**
     * Temporary instances (tests) use an existing archive but never write one: a fresh CI machine would
     * only pay for the dump.
     */
    private Keycloak(Path home, int port, int managementPort, Map<String, String> clientSecrets, boolean temporary) {
        this.home = home;
        this.port = port;
        this.managementPort = managementPort;
        this.clientSecrets = Map.copyOf(clientSecrets);
        this.temporary = temporary;
    }

    /**
     * Starts Keycloak with its data in {@code home} (kept across restarts; the realm is imported again,
     * from empty data, when the realm file or a client secret changed) and waits until it is ready.
     *
     * @param clientSecrets secret of each client of {@link #CLIENT_SECRET_VARIABLES}
     * @param adminPassword the master realm's administrator {@code kcadmin} (admin console), or null for none
     * @param log where the server's output goes (appended)
     */
    public static Keycloak start(Path home, int port, int managementPort, Path realmFile, Map<String, String> clientSecrets,
                                 String adminPassword, Path log) {
        Keycloak keycloak = new Keycloak(home, port, managementPort, clientSecrets, false);
        keycloak.launch(realmFile, adminPassword, log);
        return keycloak;
    }

    /** A throw-away Keycloak on free loopback ports with random client secrets, for one test JVM. */
    public static Keycloak startTemporary() {
        try {
            Path home = Files.createTempDirectory("citykpi-keycloak-");
            Map<String, String> secrets = new LinkedHashMap<>();
            CLIENT_SECRET_VARIABLES.keySet().forEach(client -> secrets.put(client, Secrets.generate()));
            Keycloak keycloak = new Keycloak(home, Ports.free(), Ports.free(), secrets, true);
            keycloak.launch(realmFile(), null, home.resolve("keycloak.log"));
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's realm file, found upwards from the working directory. */
    public static Path realmFile() {
        Path file = Files2.findUpwards(REALM_RELATIVE);
        if (file == null) {
            throw new IllegalStateException(REALM_RELATIVE + " not found above " + Path.of("").toAbsolutePath());
        }
        return file;
    }

    /** What services put in {@code quarkus.oidc.auth-server-url}, and the {@code iss} of every token. */
    public String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public String clientSecret(String clientId) {
        String secret = clientSecrets.get(clientId);
        if (secret == null) {
            throw new IllegalArgumentException("no secret for client " + clientId);
        }
        return secret;
    }

    /** An access token of a development user (password grant on the cockpit client), reused until shortly before it expires. */
    public String userToken(String username) {
        return token("user:" + username, Map.of("grant_type", "password", "client_id", COCKPIT_CLIENT,
                "username", username, "password", DEMO_PASSWORD));
    }

    /** An access token of a service-account client (client credentials), reused until shortly before it expires. */
    public String clientToken(String clientId) {
        return token("client:" + clientId, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret(clientId)));
    }

    private String token(String key, Map<String, String> form) {
        Token cached = tokens.get(key);
        if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
            return cached.value();
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                    .timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request for " + key + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            Token token = new Token(json.path("access_token").asText(),
                    Instant.now().plusSeconds(Math.max(0, json.path("expires_in").asLong() - 60)));
            tokens.put(key, token);
            return token.value();
        } catch (IOException e) {
            throw new UncheckedIOException("token request for " + key + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void launch(Path realmFile, String adminPassword, Path log) {
        Path dist = KeycloakDistribution.built();
        try {
            prepareHome(dist, realmFile);
            Files.createDirectories(log.toAbsolutePath().getParent());
            List<String> command = new ArrayList<>(List.of(dist.resolve("bin/kc.sh").toString(), "start", "--optimized",
                    "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-port=" + managementPort, "--hostname=http://localhost:" + port,
                    "--cache=local", "--import-realm", "-Dkc.home.dir=" + home));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> environment = builder.environment();
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.put("JAVA_OPTS_APPEND", jvmOptions(dist));
            CLIENT_SECRET_VARIABLES.forEach((client, variable) -> environment.put(variable, clientSecret(client)));
            if (adminPassword != null) {
                environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin");
                environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            }
            process = builder.start();
            awaitReady(log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak in " + home, e);
        }
    }

    /**
     * Quick start-up over peak speed, which a development server never needs: C1 only and, once it
     * exists, the class-data archive.
     */
    private String jvmOptions(Path dist) {
        Path archive = KeycloakDistribution.classDataArchive(dist);
        String options = "-XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off";
        if (Files.exists(archive)) {
            return options + " -XX:SharedArchiveFile=" + archive;
        }
        if (temporary) {
            return options;
        }
        deleteAbandonedArchives(archive);
        archiveInProgress = archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID() + ".tmp");
        return options + " -XX:ArchiveClassesAtExit=" + archiveInProgress;
    }

    /** Dumps of servers killed before they finished (over 100 MB each), once no one can still be writing them. */
    private static void deleteAbandonedArchives(Path archive) {
        Instant abandoned = Instant.now().minus(Duration.ofHours(1));
        try (var files = Files.list(archive.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(archive.getFileName() + ".")
                    && f.getFileName().toString().endsWith(".tmp")).toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(abandoned)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // only disk space is at stake
        }
    }

    /** Own data and realm import; bin, lib and themes of the shared build. */
    private void prepareHome(Path dist, Path realmFile) throws IOException {
        Files.createDirectories(home.resolve("data/import"));
        Files.createDirectories(home.resolve("providers"));
        for (String shared : List.of("lib", "themes")) {
            Path link = home.resolve(shared);
            if (Files.isSymbolicLink(link)) {
                Files.delete(link);
            }
            Files.createSymbolicLink(link, dist.resolve(shared));
        }
        String imported = fingerprint(realmFile);
        Path stamp = home.resolve("realm.sha256");
        if (Files.exists(home.resolve("data/h2")) && !(Files.exists(stamp) && Files.readString(stamp).strip().equals(imported))) {
            System.out.printf("The realm file or a client secret changed: Keycloak starts from empty data and imports %s again%n",
                    realmFile);
            Files2.deleteRecursively(home.resolve("data/h2"));
        }
        Files.copy(realmFile, home.resolve("data/import/citykpi-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(stamp, imported + "\n", StandardCharsets.UTF_8);
    }

    private String fingerprint(Path realmFile) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(realmFile));
            new TreeMap<>(clientSecrets).forEach((client, secret) -> digest.update((client + "=" + secret + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Path log) {
        try {
            Processes.awaitHttpOk(process, "Keycloak", URI.create("http://127.0.0.1:" + managementPort + "/health/ready"),
                    START, log);
        } catch (IllegalStateException e) {
            stop();
            throw e;
        }
    }

    /** SIGTERM to kc.sh, which passes it to the server; the server and its class-data archive are done when it exits. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> server = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                server.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : server) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            server.forEach(ProcessHandle::destroyForcibly);
        }
        process = null;
        keepArchive();
    }

    private void keepArchive() {
        if (archiveInProgress == null) {
            return;
        }
        Path archive = archiveInProgress.resolveSibling(archiveInProgress.getFileName().toString()
                .replaceFirst("\\.[0-9a-f-]{36}\\.tmp$", ""));
        try {
            if (Files.exists(archiveInProgress) && Files.size(archiveInProgress) > 0 && !Files.exists(archive)) {
                Files.move(archiveInProgress, archive, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(archiveInProgress);
        } catch (IOException e) {
            // the next start writes one again
        }
        archiveInProgress = null;
    }

    @Override
    public void close() {
        stop();
        if (temporary) {
            Files2.deleteRecursively(home);
        }
    }
}
