package io.kontor.testing;

import io.kontor.devinfra.KafkaAccess;
import io.kontor.devinfra.KafkaBroker;
import io.kontor.devinfra.MailServer;
import io.kontor.devinfra.Postgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Kafka broker and PostgreSQL server of this test JVM, started on first use and shared by every test until the JVM
 * exits.
 *
 * <p>Quarkus loads this class once per test profile, each time in a new class loader, so static fields alone would
 * start a second broker for the second profile. The first start therefore records the broker's data dir and the
 * database coordinates in system properties (plain strings, JVM-wide), and later class loaders attach to what is
 * already running.
 *
 * <p>Data lives in {@code target/kontor-test-infra/<pid>/} of the module under test: fresh for each JVM, kept
 * afterwards for a look at {@code kafka/broker.log}, and removed by the next run once its JVM is gone. One directory
 * per JVM lets several test JVMs of a module run at once.
 */
public final class TestInfra {

    private static final Path ROOT = Path.of("target", "kontor-test-infra").toAbsolutePath();
    private static final Path RUN_DIR =
            ROOT.resolve(Long.toString(ProcessHandle.current().pid()));

    /**
     * Topics and principals that only a module's tests need (a test application, topics of the test helpers' own
     * tests), in the format of {@link KafkaAccess#RESOURCE}, at the root of the test classpath.
     */
    public static final String TEST_ACCESS_RESOURCE = "kafka-access-test.properties";

    private static final String KAFKA_DIR = "kontor.test-infra.kafka-dir";
    private static final String PG_ADMIN_URL = "kontor.test-infra.postgres-admin-url";
    private static final String PG_USER = "kontor.test-infra.postgres-user";
    private static final String PG_PASSWORD = "kontor.test-infra.postgres-password";
    private static final String JDBC_URL = "kontor.test-infra.jdbc-url";
    private static final String SMTP_PORT = "kontor.test-infra.smtp-port";
    private static final String IMAP_PORT = "kontor.test-infra.imap-port";

    private static final Logger LOG = System.getLogger(TestInfra.class.getName());

    private static final Object KAFKA_LOCK = new Object();
    private static final Object POSTGRES_LOCK = new Object();
    private static final Object MAIL_LOCK = new Object();
    private static MailServer mail;
    private static KafkaBroker kafka;
    private static Postgres postgres;

    private TestInfra() {}

    /** The broker; tests may {@link KafkaBroker#kill()} and {@link KafkaBroker#restart()} it. */
    public static KafkaBroker kafka() {
        synchronized (KAFKA_LOCK) {
            if (kafka == null) {
                String startedIn = System.getProperty(KAFKA_DIR);
                if (startedIn != null) {
                    kafka = KafkaBroker.attach(Path.of(startedIn));
                } else {
                    removeStaleRuns();
                    long started = System.nanoTime();
                    kafka = KafkaBroker.start(RUN_DIR.resolve("kafka"), access());
                    System.setProperty(KAFKA_DIR, kafka.dataDir().toString());
                    LOG.log(
                            Level.INFO,
                            "Kafka for tests on {0} in {1,number,#} ms, log: {2}",
                            kafka.bootstrapServers(),
                            millisSince(started),
                            kafka.dataDir().resolve("broker.log"));
                }
            }
            return kafka;
        }
    }

    public static String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    /**
     * Client settings that log in as {@code principal}; the test helpers ({@link TestKafka}) use
     * {@link KafkaAccess#ADMIN}, an application under test its own principal ({@link KontorTestResources}).
     */
    public static Map<String, String> kafkaClient(String principal) {
        return kafka().clientProperties(principal);
    }

    /**
     * The same login as {@link #kafkaClient(String)}, as the {@code kafka.*} configuration of a Quarkus application
     * under test (the keys the platform's defaults and the cluster's environment set).
     */
    public static Map<String, String> quarkusKafkaConfig(String principal) {
        Map<String, String> client = kafkaClient(principal);
        return Map.of(
                "kafka.bootstrap.servers", client.get("bootstrap.servers"),
                "kafka.security.protocol", client.get("security.protocol"),
                "kafka.sasl.jaas.config", client.get("sasl.jaas.config"));
    }

    /**
     * The SMTP and IMAP ports of this JVM's mail server (GreenMail, in this JVM), started on first use; a later test
     * profile's class loader finds the ports in system properties.
     */
    public static int[] mailPorts() {
        synchronized (MAIL_LOCK) {
            String smtp = System.getProperty(SMTP_PORT);
            if (smtp == null) {
                long started = System.nanoTime();
                mail = MailServer.start();
                Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "stop-mail-server"));
                LOG.log(Level.INFO, "{0} for tests in {1,number,#} ms", mail, millisSince(started));
                System.setProperty(SMTP_PORT, Integer.toString(mail.smtpPort()));
                System.setProperty(IMAP_PORT, Integer.toString(mail.imapPort()));
                smtp = System.getProperty(SMTP_PORT);
            }
            return new int[] {Integer.parseInt(smtp), Integer.parseInt(System.getProperty(IMAP_PORT))};
        }
    }

    public static int smtpPort() {
        return mailPorts()[0];
    }

    public static int imapPort() {
        return mailPorts()[1];
    }

    /** The {@code quarkus.mailer.*} settings of an application under test: it sends through the test mail server. */
    public static Map<String, String> quarkusMailerConfig() {
        return MailServer.quarkusMailerConfig(smtpPort(), imapPort());
    }

    /** The services' access plus every {@value #TEST_ACCESS_RESOURCE} on the test classpath. */
    static KafkaAccess access() {
        KafkaAccess access = KafkaAccess.standard();
        try {
            for (URL extra : Collections.list(
                    Thread.currentThread().getContextClassLoader().getResources(TEST_ACCESS_RESOURCE))) {
                try (InputStream in = extra.openStream()) {
                    access = access.with(KafkaAccess.parse(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return access;
    }

    /**
     * The embedded server, or the one named by {@code KONTOR_PG_URL}. In a later test profile's class loader it is the
     * same server seen as an external one ({@link Postgres#isEmbedded()} is false there).
     */
    public static Postgres postgres() {
        synchronized (POSTGRES_LOCK) {
            if (postgres == null) {
                String adminUrl = System.getProperty(PG_ADMIN_URL);
                if (adminUrl != null) {
                    postgres =
                            Postgres.external(adminUrl, System.getProperty(PG_USER), System.getProperty(PG_PASSWORD));
                } else {
                    removeStaleRuns();
                    long started = System.nanoTime();
                    postgres = Postgres.start(RUN_DIR.resolve("postgres"), true, ROOT.resolve("pg-binaries"));
                    LOG.log(
                            Level.INFO,
                            "PostgreSQL for tests at {0} in {1,number,#} ms",
                            postgres.jdbcUrl("postgres"),
                            millisSince(started));
                    System.setProperty(PG_ADMIN_URL, postgres.jdbcUrl("postgres"));
                    System.setProperty(PG_USER, postgres.username());
                    System.setProperty(PG_PASSWORD, postgres.password());
                }
            }
            return postgres;
        }
    }

    /**
     * The JDBC URL of this JVM's own database. On a shared server ({@code KONTOR_PG_URL}) the name is unique per module
     * and JVM, and the database is dropped when the JVM exits.
     */
    public static String jdbcUrl() {
        synchronized (POSTGRES_LOCK) {
            String jdbcUrl = System.getProperty(JDBC_URL);
            if (jdbcUrl == null) {
                Postgres server = postgres();
                String database = databaseName();
                jdbcUrl = server.createDatabase(database);
                if (!server.isEmbedded()) {
                    Runtime.getRuntime()
                            .addShutdownHook(new Thread(() -> server.dropDatabase(database), "drop-test-database"));
                }
                System.setProperty(JDBC_URL, jdbcUrl);
            }
            return jdbcUrl;
        }
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static String databaseName() {
        Path moduleDir = ROOT.getParent().getParent();
        String module =
                moduleDir.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        // PostgreSQL cuts names at 63 bytes.
        return "test_" + module.substring(0, Math.min(module.length(), 36)) + "_"
                + ProcessHandle.current().pid();
    }

    // Runs of JVMs that have exited. Their brokers died with them (see KafkaBroker); an embedded
    // PostgreSQL left behind by a kill -9 shuts itself down once its postmaster.pid is gone.
    private static synchronized void removeStaleRuns() {
        if (!Files.isDirectory(ROOT)) {
            return;
        }
        try (Stream<Path> runs = Files.list(ROOT)) {
            runs.filter(dir -> dir.getFileName().toString().matches("[0-9]+"))
                    .filter(dir -> !dir.equals(RUN_DIR))
                    .filter(dir -> ProcessHandle.of(
                                    Long.parseLong(dir.getFileName().toString()))
                            .isEmpty())
                    .forEach(TestInfra::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover directory costs disk space, nothing else
        }
    }
}
