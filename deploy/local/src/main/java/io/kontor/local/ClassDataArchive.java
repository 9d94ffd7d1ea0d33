package io.kontor.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * AppCDS for one application's JVM (#23): the classes it loaded, parsed and verified once, mapped from a file at the
 * next start instead of read from the jars again. The JDK 17 the launcher runs on has no automatic archive, so the
 * first start records one at its exit ({@code -XX:ArchiveClassesAtExit}) into
 * {@code <data>/cds/<module>-<fingerprint>.jsa.part}, which becomes the archive only when the JVM exited on its own
 * within the stop timeout (a minute for a recording JVM, {@link AppCommand#stopTimeout}; a JVM killed while writing
 * would leave half a file); later starts map it ({@code -XX:SharedArchiveFile}). The fingerprint covers the JDK and the
 * application's run jar and class path, so a rebuilt application or another JDK records a new archive instead of the
 * JVM refusing the old one. A mismatch the fingerprint misses costs nothing but the speed-up: {@code -Xshare:auto} runs
 * without the archive. The class path must be the same at recording and use, and CDS refuses a non-empty directory on
 * it: hence OrphanGuard in a jar ({@link DataDir#orphanGuardJar()}) after {@code quarkus-run.jar}. Off with
 * {@code -Dkontor.launcher.appcds=false}.
 */
final class ClassDataArchive {

    static final String SWITCH = "kontor.launcher.appcds";

    private final Path archive;
    private final Path recording;

    ClassDataArchive(Path directory, App app, List<Path> classPath) {
        String name = app.module() + "-" + fingerprint(classPath);
        this.archive = directory.resolve(name + ".jsa");
        this.recording = directory.resolve(name + ".jsa.part");
    }

    static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(SWITCH, "true"));
    }

    /** Use the archive if there is one, else record it at this JVM's exit. */
    List<String> jvmOptions() {
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        }
        try {
            Files.createDirectories(archive.getParent());
            Files.deleteIfExists(recording);
            forgetOtherArchives();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the class data archive " + recording, e);
        }
        // CDS warnings stay on: they go to the application's log and say why an archive was not written or used.
        return List.of("-XX:ArchiveClassesAtExit=" + recording);
    }

    // Archives of earlier builds of this application are of no use any more: tens of megabytes each.
    private void forgetOtherArchives() throws IOException {
        String name = archive.getFileName().toString();
        String module = name.substring(0, name.length() - ".jsa".length() - 17);
        try (Stream<Path> files = Files.list(archive.getParent())) {
            for (Path file : files.toList()) {
                String other = file.getFileName().toString();
                if (other.matches(Pattern.quote(module) + "-[0-9a-f]{16}\\.jsa(\\.part)?")
                        && !file.equals(archive)
                        && !file.equals(recording)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** After a JVM exited by itself: what it recorded is complete and becomes the archive. */
    void exitedByItself() {
        try {
            if (!Files.isRegularFile(archive) && Files.isRegularFile(recording) && Files.size(recording) > 0) {
                Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // Only the speed-up is lost: the next start records again.
        }
    }

    Path archive() {
        return archive;
    }

    Path recording() {
        return recording;
    }

    /** The JDK, and each class path entry with its size and time, plus the jars its manifest names (lib/boot). */
    static String fingerprint(List<Path> classPath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, System.getProperty("java.home") + "|" + System.getProperty("java.vm.version"));
            for (Path entry : classPath) {
                describe(digest, entry);
                Path libBoot = entry.resolveSibling("lib").resolve("boot");
                if (Files.isDirectory(libBoot)) {
                    try (Stream<Path> jars = Files.list(libBoot)) {
                        for (Path jar : jars.sorted().toList()) {
                            describe(digest, jar);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void describe(MessageDigest digest, Path file) throws IOException {
        boolean exists = Files.exists(file);
        update(
                digest,
                file.toAbsolutePath() + "|" + (exists ? Files.size(file) : -1) + "|"
                        + (exists ? Files.getLastModifiedTime(file).toMillis() : -1));
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
