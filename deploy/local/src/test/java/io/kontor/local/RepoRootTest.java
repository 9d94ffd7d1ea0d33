package io.kontor.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoRootTest {

    @TempDir
    Path tmp;

    @Test
    void the_root_is_found_from_a_folder_deep_inside_the_checkout() throws IOException {
        Path root = checkout(tmp.resolve("kontor"));
        Path deep = Files.createDirectories(root.resolve("system-tests/src/test/java"));

        assertThat(RepoRoot.find(deep)).isEqualTo(root);
    }

    @Test
    void the_root_itself_is_found() throws IOException {
        Path root = checkout(tmp.resolve("kontor"));

        assertThat(RepoRoot.find(root)).isEqualTo(root);
    }

    @Test
    void a_relative_start_is_resolved_against_the_working_directory() {
        // This module lives in <root>/deploy/local, and Maven runs its tests there.
        Path root = RepoRoot.find(Path.of(""));

        assertThat(root.resolve("deploy/local/pom.xml")).isRegularFile();
    }

    @Test
    void a_folder_with_mvnw_but_without_deploy_local_is_not_the_root() throws IOException {
        Path root = checkout(tmp.resolve("kontor"));
        Path nested = Files.createDirectories(root.resolve("tools/other-project"));
        Files.writeString(nested.resolve("mvnw"), "#!/bin/sh\n");

        assertThat(RepoRoot.find(nested.resolve("src").resolve("..").resolve(".")))
                .isEqualTo(root);
    }

    @Test
    void outside_a_checkout_the_failure_says_what_was_looked_for() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/deeper"));

        assertThatThrownBy(() -> RepoRoot.find(elsewhere))
                .isInstanceOf(LaunchFailure.class)
                .hasMessageContaining("mvnw and deploy/local")
                .hasMessageContaining("--repo-root");
    }

    static Path checkout(Path root) throws IOException {
        Files.createDirectories(root.resolve("deploy/local"));
        Files.writeString(root.resolve("mvnw"), "#!/bin/sh\n");
        return root;
    }
}
