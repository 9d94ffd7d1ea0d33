package io.kontor.platform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which acts need a second person (GoBD Rz. 100 ff., internal control): from kontor.approvals.<act>.*. */
class ApprovalPolicyTest {

    private static final Config CONFIG = new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(
                    Map.of(
                            "kontor.approvals.invoice-cancellation.role", "accounting",
                            "kontor.approvals.invoice-cancellation.above", "10000.00",
                            "kontor.approvals.contract-signing.role", "hr",
                            "kontor.approvals.switched-off.role", "sales",
                            "kontor.approvals.switched-off.enabled", "false"),
                    "test",
                    100))
            .build();

    @ParameterizedTest(name = "{0} measuring {1}: {2}")
    @CsvSource(
            value = {
                "invoice-cancellation | 10000.01 | true",
                "invoice-cancellation | 10000.00 | false",
                "invoice-cancellation |          | false",
                "contract-signing     |          | true",
                "contract-signing     | 1.00     | true",
                "switched-off         | 1.00     | false",
                "not-configured       | 99999.00 | false"
            },
            delimiter = '|')
    void an_act_needs_a_second_person_when_its_policy_has_a_role_and_the_measure_is_above_the_threshold(
            String act, BigDecimal measure, boolean needed) {
        assertThat(ApprovalPolicy.of(CONFIG, act).needed(measure)).isEqualTo(needed);
    }
}
