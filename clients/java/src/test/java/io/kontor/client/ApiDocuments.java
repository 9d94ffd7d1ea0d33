package io.kontor.client;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code docs/} directory, wherever the build runs from. */
final class ApiDocuments {

    private ApiDocuments() {}

    static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs").resolve("openapi.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no docs/openapi.json above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs");
    }
}
