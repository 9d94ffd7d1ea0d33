package io.kontor.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Kontor checkout the launcher runs from: the folder that holds {@code mvnw} and {@code deploy/local}. */
public final class RepoRoot {

    private RepoRoot() {}

    /** Walks up from {@code start} (usually the working directory) to the checkout's root folder. */
    public static Path find(Path start) {
        Path absolute = start.toAbsolutePath().normalize();
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new LaunchFailure(
                "No Kontor checkout at or above " + absolute
                        + " (looked for a folder with mvnw and deploy/local). Run from inside the repository or pass --repo-root.");
    }

    public static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("mvnw"))
                && Files.isDirectory(dir.resolve("deploy").resolve("local"));
    }
}
