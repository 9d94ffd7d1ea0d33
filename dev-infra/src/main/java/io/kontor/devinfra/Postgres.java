package io.kontor.devinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real PostgreSQL: the server named by {@value #URL_ENV} when that is set (a JDBC URL of an admin database, with
 * {@value #USER_ENV} and {@value #PASSWORD_ENV}), otherwise an embedded PostgreSQL 14 from the zonky binaries on a free
 * loopback port.
 */
public final class Postgres implements AutoCloseable {

    public static final String URL_ENV = "KONTOR_PG_URL";
    public static final String USER_ENV = "KONTOR_PG_USER";
    public static final String PASSWORD_ENV = "KONTOR_PG_PASSWORD";

    private static final String EMBEDDED_USER = "postgres";
    // The embedded server trusts every local connection; a non-empty password only spares the
    // consumers' configuration an empty value.
    private static final String EMBEDDED_PASSWORD = "postgres";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String username;
    private final String password;

    private Postgres(EmbeddedPostgres embedded, String adminUrl, String username, String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
    }

    /**
     * The server from {@value #URL_ENV}, or an embedded one keeping its data in {@code dataDir} ({@code clean}: wipe it
     * first) with its binaries unpacked next to it in {@code pg-binaries}.
     */
    public static Postgres start(Path dataDir, boolean clean) {
        Path absolute = dataDir.toAbsolutePath();
        return start(absolute, clean, absolute.resolveSibling("pg-binaries"));
    }

    public static Postgres start(Path dataDir, boolean clean, Path binariesDir) {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return external(url.trim(), envOr(USER_ENV, "postgres"), envOr(PASSWORD_ENV, ""));
        }
        return embedded(dataDir.toAbsolutePath(), clean, binariesDir.toAbsolutePath());
    }

    /** A server that is already running; {@code adminJdbcUrl} names a database the user may create databases from. */
    public static Postgres external(String adminJdbcUrl, String username, String password) {
        if (!JDBC_URL.matcher(adminJdbcUrl).matches()) {
            throw new IllegalArgumentException("Not a jdbc:postgresql://host[:port]/database URL: " + adminJdbcUrl);
        }
        Postgres postgres = new Postgres(null, adminJdbcUrl, username, password);
        try (Connection ignored = postgres.connect(adminJdbcUrl)) {
            return postgres;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot connect to PostgreSQL at " + adminJdbcUrl + " as " + username + " (from " + URL_ENV + "): "
                            + e.getMessage(),
                    e);
        }
    }

    private static Postgres embedded(Path dataDir, boolean clean, Path binariesDir) {
        try {
            stopLeftoverServer(dataDir);
            if (clean) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(binariesDir);
            removeUnfinishedUnpacking(binariesDir);
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            Files.createDirectories(log.getParent());
            // Cleaning is done above: zonky's own flag deletes the data on close, which the caller may still want.
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setPort(FreePorts.find())
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .start();
            String adminUrl = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
            return new Postgres(server, adminUrl, EMBEDDED_USER, EMBEDDED_PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * zonky marks a finished unpacking with {@code .exists}; a JVM that died while unpacking leaves a folder without
     * it, and unpacking again over its symbolic links fails. Such a folder is removed so the binaries unpack afresh.
     */
    private static void removeUnfinishedUnpacking(Path binariesDir) throws IOException {
        try (var unpacked = Files.newDirectoryStream(binariesDir, "PG-*")) {
            for (Path folder : unpacked) {
                if (Files.isDirectory(folder) && !Files.exists(folder.resolve(".exists"))) {
                    deleteRecursively(folder);
                }
            }
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Creates the database unless it exists; returns its JDBC URL. */
    public String createDatabase(String name) {
        requireValidName(name);
        try (Connection connection = connect(adminUrl)) {
            try (PreparedStatement exists =
                    connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return jdbcUrl(name);
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: someone else was faster
                    throw e;
                }
            }
            return jdbcUrl(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database, closing its open connections (PostgreSQL 13+). */
    public void dropDatabase(String name) {
        requireValidName(name);
        try (Connection connection = connect(adminUrl);
                Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop database " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        Matcher url = JDBC_URL.matcher(adminUrl);
        if (!url.matches()) {
            throw new IllegalStateException("Unexpected admin URL " + adminUrl);
        }
        return url.group(1) + database + (url.group(3) == null ? "" : url.group(3));
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Stops the embedded server (its data stays); an external server is left alone. */
    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // The driver directly rather than DriverManager: in a Quarkus test the driver class lives in a
    // class loader DriverManager does not consult.
    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver does not accept " + url);
        }
        return connection;
    }

    // Names go into CREATE/DROP DATABASE unquoted, so only plain lower-case identifiers are accepted.
    private static void requireValidName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database names are lower-case letters, digits and _ (max 63): " + name);
        }
    }

    // pg_ctl starts the server detached, so a JVM killed with -9 leaves it running on the data
    // directory; a new start there would fail on postmaster.pid.
    private static void stopLeftoverServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try (Stream<String> lines = Files.lines(pidFile)) {
            pid = Long.parseLong(lines.findFirst().orElse("").trim());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(handle ->
                        handle.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(handle -> {
                    handle.destroy();
                    try {
                        handle.onExit().get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (Exception e) {
                        handle.destroyForcibly();
                    }
                });
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    @Override
    public String toString() {
        return "Postgres[" + adminUrl + (embedded != null ? ", embedded]" : ", external]");
    }
}
