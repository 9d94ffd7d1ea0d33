package io.kontor.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The launcher runs what {@code ./mvnw install} built: refuses to start without it, warns when sources are newer. */
final class BuiltApps {

    private BuiltApps() {}

    static void require(Options options) {
        List<String> missing = new ArrayList<>();
        for (App app : options.apps()) {
            Path jar = app.runJar(options.repoRoot());
            if (!Files.isRegularFile(jar)) {
                missing.add(options.repoRoot().relativize(jar).toString());
            } else {
                newerSource(options, app, jar)
                        .ifPresent(source -> options.progress()
                                .accept("warning: " + options.repoRoot().relativize(source)
                                        + " is newer than the build of " + app.module()
                                        + "; ./mvnw -DskipTests install brings it up to date"));
            }
        }
        if (!missing.isEmpty()) {
            throw new LaunchFailure("Not built yet: " + String.join(", ", missing)
                    + ". Build first with ./mvnw -DskipTests install in " + options.repoRoot()
                    + " (deploy/local/start does that for you).");
        }
    }

    // A hint only: a developer who edited a service and forgot to build would otherwise test the old code.
    private static Optional<Path> newerSource(Options options, App app, Path jar) {
        Path module = options.repoRoot().resolve(app.module());
        try (Stream<Path> sources = Stream.concat(Stream.of(module.resolve("pom.xml")), walk(module.resolve("src")))) {
            FileTime built = Files.getLastModifiedTime(jar);
            return sources.filter(Files::isRegularFile)
                    .filter(source -> lastModified(source).compareTo(built) > 0)
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Stream<Path> walk(Path dir) throws IOException {
        return Files.isDirectory(dir) ? Files.walk(dir) : Stream.empty();
    }

    private static FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
