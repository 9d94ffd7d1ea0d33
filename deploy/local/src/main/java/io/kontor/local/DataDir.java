package io.kontor.local;

import io.kontor.devinfra.DevJwt;
import io.kontor.devinfra.KafkaBroker;
import io.kontor.devinfra.OrphanGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The launcher's data folder: where each part keeps its files, and the lock that keeps a second launcher off it.
 * Cleaning ({@code --clean}) deletes only what the launcher itself writes there.
 */
final class DataDir {

    private final Path root;
    private FileChannel lockFile;
    private FileLock lock;

    DataDir(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Marks every JVM the launcher starts, so that a later launcher finds and stops leftovers of this one. */
    String marker() {
        return "-Dkontor.local.data=" + root;
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path bin() {
        return root.resolve("bin");
    }

    /** OrphanGuard's one class in a jar: CDS refuses a non-empty directory on the class path (ClassDataArchive). */
    Path orphanGuardJar() {
        return bin().resolve("orphan-guard.jar");
    }

    /** Class data archives of the applications' JVMs, kept across runs and clean starts (ClassDataArchive). */
    Path cds() {
        return root.resolve("cds");
    }

    Path jwtPublicKey() {
        return root.resolve("jwt").resolve("dev-public.pem");
    }

    Path pidFile(App app) {
        return root.resolve("pids").resolve(app.module() + ".pid");
    }

    Path adminTokenFile() {
        return root.resolve("admin-token");
    }

    Path clockShiftFile() {
        return root.resolve("clock-shift");
    }

    void prepare(boolean clean) throws IOException {
        Files.createDirectories(root);
        lockDataDir();
        // Leftovers of a launcher that died without stopping its children hold ports and the broker's storage lock.
        for (App app : App.values()) {
            AppProcess.stopLeftover(pidFile(app), marker());
        }
        if (Files.exists(kafka().resolve("server.properties"))) {
            try {
                KafkaBroker.attach(kafka()).kill();
            } catch (RuntimeException e) {
                // No broker of ours there any more; KafkaBroker.start also checks before it starts.
            }
        }
        if (clean) {
            // Only what the launcher itself writes: --data may name a folder that holds other things too.
            // PostgreSQL cleans its own data (Postgres.start with clean), the unpacked binaries are kept. `bin` is
            // kept too: its orphan guard jar is on every application's class path, and a new file (a new time) would
            // make every class data archive stale, the JVM's check and the fingerprint alike.
            for (String entry : List.of("kafka", "logs", "pids", "jwt", "admin-token", "postgres.log", "clock-shift")) {
                deleteRecursively(root.resolve(entry));
            }
        }
        Files.createDirectories(logs());
        Files.createDirectories(jwtPublicKey().getParent());
        Files.writeString(
                jwtPublicKey(),
                DevJwt.publicKeyPem(),
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        installOrphanGuard();
    }

    private void lockDataDir() throws IOException {
        lockFile = FileChannel.open(root.resolve("launcher.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockFile.close();
            lockFile = null;
            throw new LaunchFailure("Another Kontor launcher is running on " + root
                    + ". Stop it first, or give this one other data with --data <dir>.");
        }
    }

    void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockFile != null) {
                lockFile.close();
            }
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }

    // Packs the one class file of OrphanGuard out of dev-infra into a jar, see there. Rewritten only when its content
    // changed: the jar's time is part of every class data archive's fingerprint.
    private void installOrphanGuard() throws IOException {
        String resource = OrphanGuard.class.getName().replace('.', '/') + ".class";
        byte[] classFile;
        try (InputStream in = OrphanGuard.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new LaunchFailure("Class file " + resource + " is missing from the launcher");
            }
            classFile = in.readAllBytes();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            JarEntry entry = new JarEntry(resource);
            // A fixed time: the same class gives the same jar, byte for byte.
            entry.setTime(0);
            jar.putNextEntry(entry);
            jar.write(classFile);
            jar.closeEntry();
        }
        Path target = orphanGuardJar();
        Files.createDirectories(target.getParent());
        if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), bytes.toByteArray())) {
            return;
        }
        Files.write(target, bytes.toByteArray());
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
