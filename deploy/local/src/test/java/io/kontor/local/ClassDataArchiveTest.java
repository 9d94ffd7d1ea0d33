package io.kontor.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AppCDS in the launcher (#23): the first JVM records an archive at its exit, the next one maps it, and the archive is
 * keyed by what it was recorded from.
 */
class ClassDataArchiveTest {

    /** The application of the test JVMs: loads a few classes and ends. */
    public static class Hello {
        public static void main(String[] args) {
            System.out.println(new java.util.TreeMap<>(java.util.Map.of("a", 1)));
        }
    }

    @TempDir
    Path tmp;

    @Test
    void the_first_run_records_and_the_next_one_maps_the_archive() throws Exception {
        Path jar = helloJar();
        ClassDataArchive archive = new ClassDataArchive(tmp.resolve("cds"), App.GATEWAY, List.of(jar));

        List<String> first = archive.jvmOptions();
        assertThat(first).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
        assertThat(run(first, jar)).isZero();
        assertThat(archive.recording()).isNotEmptyFile();
        assertThat(archive.archive()).doesNotExist();

        archive.exitedByItself();
        assertThat(archive.archive()).isNotEmptyFile();
        List<String> next = archive.jvmOptions();
        assertThat(next).contains("-XX:SharedArchiveFile=" + archive.archive());

        // -Xshare:on fails the JVM when the archive cannot be mapped (wrong class path, a directory on it, another
        // JDK).
        List<String> strict = new ArrayList<>(next);
        strict.replaceAll(option -> option.equals("-Xshare:auto") ? "-Xshare:on" : option);
        assertThat(run(strict, jar)).as("the JVM maps the recorded archive").isZero();
    }

    @Test
    void a_clean_start_keeps_what_the_archives_were_recorded_from() throws Exception {
        // The launcher and the harness start clean; the orphan guard's jar is on every application's class path.
        Path root = tmp.resolve("data");
        DataDir first = new DataDir(root);
        first.prepare(true);
        String recordedFrom = ClassDataArchive.fingerprint(List.of(first.orphanGuardJar()));
        first.releaseLock();
        // Past the resolution of any file system's times.
        Thread.sleep(1_100);

        DataDir again = new DataDir(root);
        again.prepare(true);
        again.releaseLock();

        assertThat(ClassDataArchive.fingerprint(List.of(again.orphanGuardJar())))
                .as("a clean start must not rewrite the orphan guard's jar (its time would make the archives stale)")
                .isEqualTo(recordedFrom);
    }

    @Test
    void a_rebuilt_application_gets_an_archive_of_its_own() throws Exception {
        Path jar = helloJar();
        String before = ClassDataArchive.fingerprint(List.of(jar));
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));

        assertThat(ClassDataArchive.fingerprint(List.of(jar))).isNotEqualTo(before);
    }

    @Test
    void recording_a_new_archive_removes_the_application_s_old_ones_only() throws Exception {
        Path cds = Files.createDirectories(tmp.resolve("cds"));
        Path old = Files.writeString(cds.resolve("gateway-0123456789abcdef.jsa"), "old");
        Path otherApp = Files.writeString(cds.resolve("hr-service-0123456789abcdef.jsa"), "other");

        new ClassDataArchive(cds, App.GATEWAY, List.of(helloJar())).jvmOptions();

        assertThat(old).doesNotExist();
        assertThat(otherApp).exists();
    }

    private Path helloJar() throws IOException {
        String resource = Hello.class.getName().replace('.', '/') + ".class";
        Path jar = tmp.resolve("hello.jar");
        try (InputStream in = Hello.class.getClassLoader().getResourceAsStream(resource);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(resource));
            out.write(in.readAllBytes());
            out.closeEntry();
        }
        return jar;
    }

    private int run(List<String> options, Path jar) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-Xmx64m", "-cp", jar.toString(), Hello.class.getName()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.log").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (process.exitValue() != 0) {
            System.out.println(Files.readString(tmp.resolve("out.log")));
        }
        return process.exitValue();
    }
}
