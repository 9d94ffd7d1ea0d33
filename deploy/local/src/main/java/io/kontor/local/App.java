package io.kontor.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Quarkus applications of Kontor as the launcher runs them: one JVM each. */
public enum App {
    SALES("sales", "sales-backoffice-service", "sales", 256),
    ACCOUNTING("accounting", "accounting-service", "accounting", 256),
    HR("hr", "hr-service", "hr", 256),
    PROJECTS("projects", "project-office-service", "projects", 256),
    PRODUCT_DEVELOPMENT("product-development", "product-development-service", "productdev", 256),
    LEGAL("legal", "legal-service", "legal", 256),
    PROCESSES("processes", "process-service", "process", 256),
    GATEWAY("gateway", "gateway", null, 192);

    private final String key;
    private final String module;
    private final String database;
    private final int heapMegabytes;

    App(String key, String module, String database, int heapMegabytes) {
        this.key = key;
        this.module = module;
        this.database = database;
        this.heapMegabytes = heapMegabytes;
    }

    /**
     * The domain name the gateway routes by ({@code /api/v1/<key>}, {@code kontor.gateway.services.<key>.url});
     * "gateway" for the gateway.
     */
    public String key() {
        return key;
    }

    /** The Maven module folder, also the application's name in logs. */
    public String module() {
        return module;
    }

    /** The service's own database; empty for the gateway, which keeps no data. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    public int heapMegabytes() {
        return heapMegabytes;
    }

    public boolean isService() {
        return this != GATEWAY;
    }

    /** What {@code ./mvnw package} builds: the Quarkus fast-jar launcher. */
    public Path runJar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /** By key ("sales") or module name ("sales-backoffice-service"), ignoring case. */
    public static App named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(app -> app.key.equals(wanted) || app.module.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Kontor application " + name + "; known: "
                        + Arrays.stream(values()).map(App::key).toList()));
    }
}
