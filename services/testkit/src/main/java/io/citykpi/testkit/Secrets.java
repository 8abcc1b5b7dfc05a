package io.citykpi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Passwords and client secrets for local infrastructure: random, letters and digits only (no quoting
 * trouble in JAAS, JDBC or shell), and for `make run` kept in files that only their owner can read.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private Secrets() {
    }

    /** 32 characters, about 186 bits. */
    public static String generate() {
        StringBuilder secret = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    /** The secret stored in {@code dir/name}; generated and written (mode 600) on first use. */
    public static String stored(Path dir, String name) {
        Path file = dir.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(dir);
            String secret = generate();
            writePrivate(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the secret " + file, e);
        }
    }

    /** Writes a file only its owner can read, as configuration holding a password must be. */
    static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
