package io.kontor.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * The platform's production mail settings as every service reads them. Without KONTOR_SMTP_HOST a service once fell
 * back to localhost:587, started, accepted every send request and failed each one only after six tries over hours; now
 * Quarkus' start-up validation of quarkus.mailer.* stops it with "Could not expand value KONTOR_SMTP_HOST" (seen with
 * {@code java -jar accounting-service/target/quarkus-app/quarkus-run.jar}).
 */
class ProductionSmtpHostTest {

    @Test
    void production_without_an_smtp_host_does_not_resolve_the_mailer_host_and_names_the_variable() throws IOException {
        SmallRyeConfig config = productionConfig(Map.of());

        assertThatThrownBy(() -> config.getValue("quarkus.mailer.host", String.class))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("KONTOR_SMTP_HOST");
    }

    @Test
    void production_with_an_smtp_host_uses_it_with_starttls_required_by_default() throws IOException {
        SmallRyeConfig config = productionConfig(Map.of("KONTOR_SMTP_HOST", "smtp.example.com"));

        assertThat(config.getValue("quarkus.mailer.host", String.class)).isEqualTo("smtp.example.com");
        assertThat(config.getValue("quarkus.mailer.port", String.class)).isEqualTo("587");
        assertThat(config.getValue("quarkus.mailer.start-tls", String.class)).isEqualTo("REQUIRED");
    }

    private static SmallRyeConfig productionConfig(Map<String, String> environment) throws IOException {
        // The platform's own file, not another module's of the same name on the test class path.
        URL platformDefaults = Path.of("src/main/resources/META-INF/microprofile-config.properties")
                .toUri()
                .toURL();
        return new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(platformDefaults, 100))
                // Stands in for the process environment, which the test must not depend on.
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }
}
