package io.kontor.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * What {@code kontor login} and {@code kontor token} remember: the gateway's URL and a bearer token, as JSON in
 * {@code ~/.config/kontor/config.json} ({@code KONTOR_CONFIG} names another file). {@code KONTOR_URL} and
 * {@code KONTOR_TOKEN} override the file for one call, as CI jobs want.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Config(String url, String token) {

    public static final Config EMPTY = new Config(null, null);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // A newer kontor may have written more settings; an older one keeps working with the file.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file: {@code KONTOR_CONFIG}, else {@code <home>/.config/kontor/config.json}. */
    public static Path location(Map<String, String> env, Path home) {
        String override = env.get("KONTOR_CONFIG");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return home.resolve(".config").resolve("kontor").resolve("config.json");
    }

    /** The file's settings, {@link #EMPTY} when there is none yet. */
    public static Config read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Config.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return EMPTY;
        } catch (IOException e) {
            throw CommandFailure.usage(
                    "cannot read " + file + ": " + firstLine(e.getMessage())
                            + " (fix or delete it, then run 'kontor login')",
                    e);
        }
    }

    /**
     * Writes the file readable by its owner only (it holds a token), replacing the old one in one step so that a crash
     * never leaves half a file.
     */
    public void write(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            createPrivateDirectories(dir);
            Path temp = Files.createTempFile(dir, ".config", ".json");
            restrictToOwner(temp, "rw-------");
            JSON.writeValue(temp.toFile(), this);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw CommandFailure.usage("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public Config withUrl(String newUrl) {
        return new Config(newUrl, token);
    }

    public Config withToken(String newToken) {
        return new Config(url, newToken);
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        restrictToOwner(dir, "rwx------");
    }

    private static void restrictToOwner(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory is private already.
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
