package io.kontor.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresTest {

    @TempDir
    Path workDir;

    @Test
    void creating_a_database_twice_gives_the_same_usable_database() throws Exception {
        try (Postgres postgres = startTimed(false)) {
            String url = postgres.createDatabase("kontor_test");

            assertThat(postgres.createDatabase("kontor_test")).isEqualTo(url);
            try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT current_database(), 6 * 7")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("kontor_test");
                assertThat(result.getInt(2)).isEqualTo(42);
            }
            postgres.dropDatabase("kontor_test");
        }
    }

    @Test
    void data_survives_a_restart_unless_started_clean() throws Exception {
        assumeTrue(System.getenv(Postgres.URL_ENV) == null, "only the embedded server has a data dir of ours");
        String url;
        try (Postgres postgres = startTimed(false)) {
            url = postgres.createDatabase("kept");
            execute(url, postgres, "CREATE TABLE note (text varchar(20))", "INSERT INTO note VALUES ('still here')");
        }

        try (Postgres postgres = startTimed(false)) {
            assertThat(count(postgres.createDatabase("kept"), postgres, "SELECT count(*) FROM note"))
                    .isEqualTo(1);
        }

        try (Postgres postgres = startTimed(true)) {
            assertThat(count(
                            postgres.jdbcUrl("postgres"),
                            postgres,
                            "SELECT count(*) FROM pg_database WHERE datname = 'kept'"))
                    .isZero();
        }
    }

    @Test
    void database_names_that_would_need_quoting_are_refused() throws Exception {
        try (Postgres postgres = startTimed(false)) {
            assertThatIllegalArgumentException().isThrownBy(() -> postgres.createDatabase("x; DROP DATABASE postgres"));
        }
    }

    private Postgres startTimed(boolean clean) {
        long started = System.nanoTime();
        Postgres postgres = Postgres.start(workDir.resolve("pg-data"), clean, Path.of("target/pg-binaries"));
        System.out.printf(
                "PostgreSQL (%s) ready in %d ms%n",
                postgres.isEmbedded() ? "embedded" : "external",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return postgres;
    }

    private static void execute(String url, Postgres postgres, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(String url, Postgres postgres, String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
