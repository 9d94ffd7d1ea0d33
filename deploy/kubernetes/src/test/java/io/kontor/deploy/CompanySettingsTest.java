package io.kontor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who the company is (the seller of every invoice, §14 (4) UStG: name, address, tax number or VAT id) and which web
 * origins may call the API come from one ConfigMap, kontor-company, that the operator makes: otherwise a cluster's
 * invoices would name the demo company of the defaults.
 */
class CompanySettingsTest {

    private static final Pattern SELLER_VARIABLE = Pattern.compile("\\$\\{(KONTOR_SELLER_[A-Z_]+)");

    @ParameterizedTest(name = "overlays/{0}")
    @ValueSource(strings = {"dev", "prod"})
    void every_workload_reads_the_company_config_map(String overlay) {
        assertThat(Manifests.overlay(overlay).all(Deployment.class))
                .allSatisfy(d -> assertThat(d.getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0)
                                .getEnvFrom())
                        .as(d.getMetadata().getName())
                        .extracting(EnvFromSource::getConfigMapRef)
                        .anySatisfy(ref -> {
                            assertThat(ref.getName()).isEqualTo("kontor-company");
                            // Not optional: without the company's data a service must not start (and print the demo
                            // seller).
                            assertThat(ref.getOptional()).isNotEqualTo(Boolean.TRUE);
                        }));
    }

    @Test
    void the_dev_company_and_the_readme_name_every_seller_setting_the_services_read() throws IOException {
        ConfigMap company = Manifests.overlay("dev").all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals("kontor-company"))
                .findFirst()
                .orElseThrow();
        String readme = Files.readString(Manifests.ROOT.resolve("../README.md"));
        Set<String> read = sellerVariablesReadByTheCode();

        assertThat(read).contains("KONTOR_SELLER_NAME", "KONTOR_SELLER_VAT_ID", "KONTOR_SELLER_IBAN");
        assertThat(company.getData()).containsKeys(read.toArray(String[]::new));
        assertThat(company.getData()).containsKey("KONTOR_GATEWAY_CORS_ORIGINS");
        assertThat(readme).contains(read).contains("KONTOR_GATEWAY_CORS_ORIGINS");
    }

    /** Every {@code ${KONTOR_SELLER_...}} of a module's main configuration. */
    static Set<String> sellerVariablesReadByTheCode() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(KafkaTest.REPO)) {
            files.filter(f -> f.toString().endsWith(".properties"))
                    .filter(f -> f.toString().contains("/src/main/resources/"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .forEach(f -> {
                        try {
                            Matcher m = SELLER_VARIABLE.matcher(Files.readString(f));
                            while (m.find()) {
                                names.add(m.group(1));
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        return names;
    }
}
