package io.kontor.devinfra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) on free loopback ports.
 *
 * <p>It runs as its own JVM from the Kafka jars whose paths the build wrote into {@code kafka-broker.classpath}: inside
 * a Quarkus test JVM its Scala, Log4j and server classes would clash with the application's, and a separate process can
 * be killed like a real broker. Readiness is the log line {@value #READY_LINE}, not an open port, because on a shared
 * machine some other process may answer on a port.
 *
 * <p>No broker outlives the JVM that started it: a shutdown hook kills it, and {@link OrphanGuard} ends it even when
 * that JVM is killed with -9. Its files (including {@code broker.log}) stay in the data dir.
 *
 * <p>It is secured as the cluster is (deploy/kubernetes): every client logs in with SCRAM-SHA-512 as a principal of
 * {@link KafkaAccess}, the StandardAuthorizer allows each only what that file grants, and topics are never created on
 * demand: the broker creates every topic of the file when it starts. Passwords are made up at the first start and kept
 * in the data dir ({@code credentials.properties}); {@link #clientProperties(String)} hands them out. TLS is the one
 * difference to the cluster: on loopback it would protect nothing, so the listener is SASL_PLAINTEXT.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String READY_LINE = "Kafka Server started";
    private static final String CLASSPATH_RESOURCE = "kafka-broker.classpath";
    private static final String LOG4J_RESOURCE = "kafka-log4j2.xml";
    // C1 only and the serial collector: on a busy 2-core machine this halves the start (measured
    // 12 s -> 6 s under load); a development broker never needs the peak throughput of C2.
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    // Generous: a busy 2-core machine running several test JVMs can need far more than the usual 3-4 s.
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 60;
    private static final String SCRAM = "SCRAM-SHA-512";
    private static final int SCRAM_ITERATIONS = 4096;
    private static final String CREDENTIALS_FILE = "credentials.properties";
    // As in the cluster's KafkaTopics (deploy/kubernetes/base/kafka/topics.yaml) but 3 partitions: fewer threads on a
    // laptop, still more than one so that ordering per key is exercised.
    private static final int PARTITIONS = 3;
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    // Brokers started by this JVM. The Process objects also hold the write end of each broker's
    // stdin, which OrphanGuard watches. At exit: kill -9, the JVM must not wait for a clean stop.
    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            for (Process started : STARTED) {
                                started.destroyForcibly();
                            }
                        },
                        "kafka-broker-reaper"));
    }

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    // Null for a broker found by attach(): its users, topics and ACLs are in its metadata log already.
    private final KafkaAccess access;
    private volatile ProcessHandle process;

    private KafkaBroker(Path dataDir, int port, int controllerPort, KafkaAccess access) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.access = access;
    }

    /** Starts a broker on free ports for the services and the gateway ({@link KafkaAccess#standard()}). */
    public static KafkaBroker start(Path dataDir) {
        return start(dataDir, KafkaAccess.standard());
    }

    /**
     * Starts a broker on free ports, keeping its storage (and cluster id) in {@code dataDir}, with the users, topics
     * and ACLs of {@code access}.
     */
    public static KafkaBroker start(Path dataDir, KafkaAccess access) {
        PortTakenException lastFailure = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = FreePorts.find();
            int controllerPort = FreePorts.find();
            while (controllerPort == port) {
                controllerPort = FreePorts.find();
            }
            KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort, access);
            try {
                broker.launch();
                return broker;
            } catch (PortTakenException e) {
                // another process grabbed a port between FreePorts.find() and the broker's bind
                lastFailure = e;
            }
        }
        throw lastFailure;
    }

    /** Starts a broker on the given ports, for a launcher that wants a stable address. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort, KafkaAccess.standard());
        broker.launch();
        return broker;
    }

    /**
     * The broker last started in {@code dataDir}, running or not, on the ports it had then. For code in another class
     * loader of the same JVM (a Quarkus test profile) or in a later process that needs to stop or restart a broker it
     * did not start itself.
     */
    public static KafkaBroker attach(Path dataDir) {
        Path config = dataDir.resolve("server.properties");
        String properties;
        try {
            properties = Files.readString(config);
        } catch (IOException e) {
            throw new UncheckedIOException("No broker was started in " + dataDir, e);
        }
        KafkaBroker broker = new KafkaBroker(
                dataDir,
                portOf(properties, "advertised.listeners=CLIENT://127.0.0.1:"),
                portOf(properties, "controller.quorum.voters=1@127.0.0.1:"),
                null);
        broker.process = broker.runningBroker().orElse(null);
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * What a Kafka client needs to log in as {@code principal}: bootstrap servers, security protocol, SASL mechanism
     * and JAAS configuration, under the client's own property names. {@link KafkaAccess#ADMIN} may do anything.
     */
    public Map<String, String> clientProperties(String principal) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bootstrap.servers", bootstrapServers());
        properties.put("security.protocol", "SASL_PLAINTEXT");
        properties.put("sasl.mechanism", SCRAM);
        properties.put("sasl.jaas.config", jaasConfig(principal));
        return properties;
    }

    /** The {@code sasl.jaas.config} of {@code principal}, the value Strimzi puts in a KafkaUser's Secret. */
    public String jaasConfig(String principal) {
        String password = credentials().getProperty(principal);
        if (password == null) {
            throw new IllegalArgumentException("The broker in " + dataDir + " has no user " + principal);
        }
        return scramJaas(principal, password);
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isRunning() {
        ProcessHandle current = process;
        return current != null && current.isAlive();
    }

    /** Stops the broker cleanly (SIGTERM), forcing it after a timeout. */
    public synchronized void stop() {
        ProcessHandle current = process;
        if (current == null) {
            return;
        }
        current.destroy();
        try {
            current.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            current.destroyForcibly();
            current.onExit().join();
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            forget(current);
        }
    }

    /** Kills the broker like {@code kill -9}: no clean shutdown, clients see the connection drop. */
    public synchronized void kill() {
        ProcessHandle current = process;
        if (current == null) {
            return;
        }
        current.destroyForcibly();
        current.onExit().join();
        forget(current);
    }

    /** Starts the broker again on the same ports and storage, so existing clients reconnect. */
    public synchronized void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void launch() {
        try {
            Files.createDirectories(dataDir);
            killLeftoverBroker();
            Path config = writeServerProperties();
            Path log4jConfig = dataDir.resolve("log4j2.xml");
            try (InputStream in = resource(LOG4J_RESOURCE)) {
                Files.copy(in, log4jConfig, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.exists(storageDir().resolve("meta.properties"))) {
                formatStorage(config, log4jConfig);
            }
            Path log = dataDir.resolve("broker.log");
            long logOffset = Files.exists(log) ? Files.size(log) : 0;
            Process started = new ProcessBuilder(brokerCommand(config, log4jConfig))
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(log.toFile()))
                    .start();
            STARTED.add(started);
            process = started.toHandle();
            Files.writeString(pidFile(), started.pid() + " " + startTimeOf(started.toHandle()));
            try {
                awaitReady(started, log, logOffset);
                if (access != null) {
                    provision();
                }
            } catch (IOException | RuntimeException e) {
                started.destroyForcibly();
                forget(started.toHandle());
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Kafka in " + dataDir, e);
        }
    }

    private void awaitReady(Process started, Path log, long logOffset) throws IOException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            String output = readFrom(log, logOffset);
            if (output.contains(READY_LINE)) {
                return;
            }
            if (!started.isAlive()) {
                String message = "Kafka broker on " + bootstrapServers() + " exited with " + started.exitValue()
                        + " before it was ready. Log tail (" + log + "):\n" + tail(output);
                if (output.contains("Address already in use")) {
                    throw new PortTakenException(message);
                }
                throw new IllegalStateException(message);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " not ready after "
                        + STARTUP_TIMEOUT.toSeconds() + " s. Log tail (" + log + "):\n" + tail(output));
            }
            sleep(100);
        }
    }

    // Idempotent, so that a restart on kept data (the launcher's .kontor-data) picks up principals and topics added
    // to the access file since: existing topics stay, credentials and ACLs are written again.
    private void provision() {
        Properties passwords = credentials();
        Map<String, Object> admin = new LinkedHashMap<>(clientProperties(KafkaAccess.ADMIN));
        admin.put("request.timeout.ms", "30000");
        try (Admin client = Admin.create(admin)) {
            List<NewTopic> topics = access.topics().stream()
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                    .collect(Collectors.toList());
            for (var creation : client.createTopics(topics).values().values()) {
                try {
                    creation.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            List<UserScramCredentialUpsertion> users = access.principals().keySet().stream()
                    .map(name -> new UserScramCredentialUpsertion(
                            name,
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                            passwords.getProperty(name)))
                    .collect(Collectors.toList());
            client.alterUserScramCredentials(List.copyOf(users))
                    .all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<AclBinding> acls = access.principals().values().stream()
                    .flatMap(principal -> principal.grants().stream()
                            .flatMap(grant -> grant.operations().stream()
                                    .map(operation -> new AclBinding(
                                            new ResourcePattern(
                                                    "group".equals(grant.resourceType())
                                                            ? ResourceType.GROUP
                                                            : ResourceType.TOPIC,
                                                    grant.name(),
                                                    grant.prefix() ? PatternType.PREFIXED : PatternType.LITERAL),
                                            new AccessControlEntry(
                                                    "User:" + principal.name(),
                                                    "*",
                                                    AclOperation.fromString(operation),
                                                    AclPermissionType.ALLOW)))))
                    .collect(Collectors.toList());
            client.createAcls(acls).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            awaitAclsApplied(client, acls);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not set up users, topics and ACLs of the broker in " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting up the broker in " + dataDir, e);
        }
    }

    // The controller has committed users and ACLs, but the broker applies its metadata log a moment later: a client
    // started at once would be refused. The broker answers DescribeAcls from its own authorizer, and the log is
    // applied in order, so once it shows the ACLs (written last) it knows the users too.
    private static void awaitAclsApplied(Admin client, List<AclBinding> acls)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (!client.describeAcls(AclBindingFilter.ANY)
                .values()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .containsAll(acls)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the broker did not apply its ACLs within " + ADMIN_TIMEOUT);
            }
            Thread.sleep(20);
        }
    }

    // Made up once per data dir and kept, so that a restarted broker and the clients configured before agree.
    private synchronized Properties credentials() {
        Path file = dataDir.resolve(CREDENTIALS_FILE);
        Properties passwords = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    passwords.load(in);
                }
            }
            boolean added = passwords.putIfAbsent(KafkaAccess.ADMIN, newPassword()) == null;
            if (access != null) {
                for (String name : access.principals().keySet()) {
                    added |= passwords.putIfAbsent(name, newPassword()) == null;
                }
            }
            if (added) {
                Files.createDirectories(dataDir);
                try (var out = Files.newOutputStream(file)) {
                    passwords.store(out, "SCRAM passwords of this development broker's users");
                }
            }
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write " + file, e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    private void forget(ProcessHandle handle) {
        STARTED.removeIf(started -> started.pid() == handle.pid());
        process = null;
    }

    // StorageTool's main exits the JVM, so it gets a JVM of its own.
    private void formatStorage(Path config, Path log4jConfig) throws IOException {
        Path log = dataDir.resolve("format.log");
        List<String> command = javaCommand(
                log4jConfig,
                kafkaClasspath(),
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId(),
                "-c",
                config.toString(),
                "--ignore-formatted",
                // In KRaft the inter-broker user must exist before the broker can start; the others come later.
                "--add-scram",
                SCRAM + "=[name=" + KafkaAccess.ADMIN + ",password="
                        + credentials().getProperty(KafkaAccess.ADMIN) + "]");
        Process format = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!format.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("Formatting Kafka storage timed out:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed:\n" + Files.readString(log));
        }
    }

    private List<String> brokerCommand(Path config, Path log4jConfig) {
        Optional<String> guard = orphanGuardLocation();
        if (guard.isEmpty()) {
            return javaCommand(log4jConfig, kafkaClasspath(), "kafka.Kafka", config.toString());
        }
        return javaCommand(
                log4jConfig,
                kafkaClasspath() + File.pathSeparator + guard.get(),
                OrphanGuard.class.getName(),
                "kafka.Kafka",
                config.toString());
    }

    private static List<String> javaCommand(Path log4jConfig, String classpath, String mainClass, String... args) {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-Dlog4j2.configurationFile=" + log4jConfig, "-cp", classpath, mainClass));
        command.addAll(Arrays.asList(args));
        return command;
    }

    private Path writeServerProperties() throws IOException {
        String adminPassword = credentials().getProperty(KafkaAccess.ADMIN);
        String storage = storageDir().toString().replace('\\', '/');
        String properties = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=CLIENT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=CLIENT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=CLIENT",
                "listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                "sasl.enabled.mechanisms=" + SCRAM,
                "sasl.mechanism.inter.broker.protocol=" + SCRAM,
                "listener.name.client.scram-sha-512.sasl.jaas.config=" + scramJaas(KafkaAccess.ADMIN, adminPassword),
                // SCRAM users live in the metadata log, which the controller serves: it cannot log in with them.
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
                        + " required username=\"" + KafkaAccess.ADMIN + "\" password=\"" + adminPassword
                        + "\" user_" + KafkaAccess.ADMIN + "=\"" + adminPassword + "\";",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + KafkaAccess.ADMIN,
                "allow.everyone.if.no.acl.found=false",
                "log.dirs=" + storage,
                "num.partitions=" + PARTITIONS,
                // As in the cluster: a topic exists only because the access file names it.
                "auto.create.topics.enable=false",
                // One broker: every internal topic has a single replica.
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // The defaults of 50 partitions make the first consumer group or transaction wait
                // seconds for their creation on a small machine.
                "offsets.topic.num.partitions=5",
                "transaction.state.log.num.partitions=5",
                // Tests start consumers one after another; the default 3 s delay would slow each join.
                "group.initial.rebalance.delay.ms=0",
                // After a kill -9 the controller keeps the dead incarnation registered until its
                // session expires; the 9 s default would make every crash test wait that long.
                "broker.heartbeat.interval.ms=500",
                "broker.session.timeout.ms=3000",
                "");
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, properties);
        return config;
    }

    private Path storageDir() {
        return dataDir.resolve("kraft-logs");
    }

    private Path pidFile() {
        return dataDir.resolve("broker.pid");
    }

    // Kept in the data dir: a restart, or a new launcher run on the same data, must reuse it.
    private String clusterId() throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = newClusterId();
        Files.writeString(file, id);
        return id;
    }

    // Kafka's Uuid format (URL-safe Base64 of 16 random bytes); like Uuid.randomUuid() it avoids a
    // leading '-', which the command line would read as an option.
    private static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    // A broker from an earlier run whose parent died holds the storage lock; the orphan guard
    // ends it within moments, but a launcher restarted at once would fail on the lock.
    private void killLeftoverBroker() {
        runningBroker().ifPresent(leftover -> {
            leftover.destroyForcibly();
            leftover.onExit()
                    .orTimeout(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .join();
        });
    }

    // The process in broker.pid if it is still the broker started then: pids are reused, so the
    // start time must match too. (The command line cannot tell: the JDK reads only its first 4 KB.)
    private Optional<ProcessHandle> runningBroker() {
        try {
            String[] recorded = Files.readString(pidFile()).trim().split(" ");
            return ProcessHandle.of(Long.parseLong(recorded[0]))
                    .filter(handle -> recorded.length > 1 && recorded[1].equals(startTimeOf(handle)));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String startTimeOf(ProcessHandle handle) {
        return handle.info().startInstant().map(Object::toString).orElse("unknown");
    }

    private static int portOf(String properties, String prefix) {
        return properties
                .lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> Integer.parseInt(line.substring(prefix.length()).trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + prefix + "<port> in server.properties"));
    }

    private static String kafkaClasspath() {
        String classpath;
        try (InputStream in = resource(CLASSPATH_RESOURCE)) {
            classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> missing = Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !Files.exists(Path.of(entry)))
                .collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The Kafka broker jars recorded at build time are missing: " + missing
                    + ". Rebuild dev-infra (./mvnw -pl dev-infra install) to resolve them again.");
        }
        return classpath;
    }

    // The guard needs this module's own classes in the child JVM; where the code source is not a
    // plain file (some class loaders hide it), the broker runs without it and only the shutdown
    // hook protects against orphans.
    private static Optional<String> orphanGuardLocation() {
        try {
            CodeSource source = OrphanGuard.class.getProtectionDomain().getCodeSource();
            if (source == null
                    || source.getLocation() == null
                    || !"file".equals(source.getLocation().getProtocol())) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.exists(location) ? Optional.of(location.toString()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static InputStream resource(String name) {
        InputStream in = KafkaBroker.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Resource io/kontor/devinfra/" + name + " is missing from kontor-dev-infra;"
                    + " it is written by the build (maven-dependency-plugin build-classpath)");
        }
        return in;
    }

    private static String readFrom(Path file, long offset) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size <= offset) {
                return "";
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - offset));
            channel.position(offset);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading until the snapshot of the file is complete
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().collect(Collectors.toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    private static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + dataDir + (isRunning() ? ", running]" : ", stopped]");
    }
}
