package io.kontor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * docs/API.md against the OpenAPI document a module serves: each module's test hands its own document (the one the
 * gateway merges into {@code /q/openapi}) and the name of its section; every operation of the document must be listed
 * there and every listed operation must exist, and the roles listed for an operation must be among those the service
 * lets in (the gateway may narrow them further, never widen them).
 *
 * <p>An operation is a table row of the section that starts with the method and the path in backticks: {@code | `GET
 * /api/v1/sales/offers/{id}` | sales, middle-office, admin | ... |}.
 */
public final class ApiReference {

    private static final Pattern OPERATION =
            Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (/[^`\\s]*)` \\| ([^|]*?) \\|.*$");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");

    private ApiReference() {}

    /**
     * Fails unless section {@code ## <section>} of docs/API.md lists exactly the operations of {@code openApiJson},
     * each with roles the service allows. The document is also written to {@code target/openapi-<section>.json} for a
     * look.
     */
    public static void assertDocuments(String section, String openApiJson) {
        writeForALook(section, openApiJson);
        Map<String, Set<String>> served = served(openApiJson);
        Map<String, Set<String>> documented = documented(section);

        Set<String> undocumented = new TreeSet<>(served.keySet());
        undocumented.removeAll(documented.keySet());
        Set<String> gone = new TreeSet<>(documented.keySet());
        gone.removeAll(served.keySet());
        assertThat(undocumented)
                .as("operations of the OpenAPI document missing from section '## %s' of %s", section, document())
                .isEmpty();
        assertThat(gone)
                .as("operations in section '## %s' of %s that the OpenAPI document does not have", section, document())
                .isEmpty();

        documented.forEach((operation, roles) -> {
            assertThat(roles).as("roles of %s in %s", operation, document()).isNotEmpty();
            Set<String> allowed = served.get(operation);
            if (!allowed.isEmpty()) {
                assertThat(allowed)
                        .as("roles the service allows for %s (%s lists %s)", operation, document(), roles)
                        .containsAll(roles);
            }
        });
    }

    /** {@code METHOD path} → the roles of its security requirement (empty when the document names none). */
    public static Map<String, Set<String>> served(String openApiJson) {
        JsonNode api;
        try {
            api = new ObjectMapper().readTree(openApiJson);
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI document in JSON", e);
        }
        Map<String, Set<String>> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    Set<String> roles = new TreeSet<>();
                    operation
                            .path("security")
                            .forEach(requirement ->
                                    requirement.forEach(scopes -> scopes.forEach(role -> roles.add(role.asText()))));
                    operations.put(method.toUpperCase(Locale.ROOT) + " " + path.getKey(), roles);
                }
            }
        }
        assertThat(operations).as("operations of the OpenAPI document").isNotEmpty();
        return operations;
    }

    /** The operations of section {@code ## <section>} (up to the next {@code ## }) → their roles. */
    public static Map<String, Set<String>> documented(String section) {
        Map<String, Set<String>> operations = new TreeMap<>();
        boolean inSection = false;
        boolean found = false;
        for (String line : lines()) {
            if (line.startsWith("## ")) {
                inSection = line.substring(3).trim().split("\\s+")[0].equals(section);
                found |= inSection;
            } else if (inSection) {
                Matcher row = OPERATION.matcher(line);
                if (row.matches()) {
                    Set<String> roles = Arrays.stream(row.group(3).split(","))
                            .map(role -> role.replace("`", "").trim())
                            .filter(role -> !role.isEmpty())
                            .collect(Collectors.toCollection(TreeSet::new));
                    String operation = row.group(1) + " " + row.group(2);
                    assertThat(operations.put(operation, roles))
                            .as("%s listed twice in %s", operation, document())
                            .isNull();
                }
            }
        }
        assertThat(found).as("a section '## %s' in %s", section, document()).isTrue();
        return operations;
    }

    /** docs/API.md, found from the module directory Maven runs tests in. */
    public static Path document() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("docs/API.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "docs/API.md not found above " + Path.of("").toAbsolutePath());
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeForALook(String section, String openApiJson) {
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("openapi-" + section + ".json"), openApiJson);
            }
        } catch (IOException e) {
            // Only a convenience for a reader of a failure.
        }
    }
}
