package io.kontor.hr.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.hr.HrConfig;
import io.kontor.platform.problem.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §2(1) sentence 2 NachwG: every item is in the contract, from the hire or from the company's defaults. */
class WrittenTermsTest {

    private static final WrittenTerms NOTHING_GIVEN =
            new WrittenTerms(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    @ParameterizedTest(name = "§2(1) sentence 2 {1} NachwG: without default and without {0} → 400 naming {0}")
    @CsvSource({
        "placeOfWork,          no. 4",
        "overtime,             nos. 7 and 10",
        "bonuses,              no. 7",
        "paymentDue,           no. 7",
        "paymentMethod,        no. 7",
        "workingTimeModel,     no. 8",
        "breaks,               no. 8",
        "restPeriods,          no. 8",
        "shiftWork,            no. 8",
        "annualLeaveDays,      no. 11",
        "training,             no. 12",
        "companyPension,       no. 13",
        "collectiveAgreements, no. 15",
    })
    void an_item_without_a_default_must_come_with_the_hire(String field, String item) {
        Map<String, String> defaults = new HashMap<>(ALL_DEFAULTS);
        defaults.remove(field);

        List<Problem.Violation> violations = NOTHING_GIVEN
                .withDefaults(config(defaults), null, "Buchhalterin")
                .violations();

        assertThat(violations).extracting(Problem.Violation::field).containsExactly(field);
        assertThat(violations.get(0).message()).contains(item + " NachwG");
    }

    @Test
    void the_hire_wins_over_the_opening_which_wins_over_the_default() {
        WrittenTerms defaulted = NOTHING_GIVEN.withDefaults(config(ALL_DEFAULTS), "Filiale Bremen", "Buchhalterin");
        WrittenTerms given = new WrittenTerms(
                        "Homeoffice",
                        "Debitorenbuchhaltung",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        4,
                        28,
                        null,
                        null,
                        null)
                .withDefaults(config(ALL_DEFAULTS), "Filiale Bremen", "Buchhalterin");

        assertThat(defaulted.violations()).isEmpty();
        assertThat(defaulted.placeOfWork()).isEqualTo("Filiale Bremen");
        assertThat(defaulted.jobDescription()).isEqualTo("Tätigkeiten als Buchhalterin");
        assertThat(defaulted.annualLeaveDays()).isEqualTo(30);
        assertThat(defaulted.workingDaysPerWeek()).isEqualTo(5);
        assertThat(defaulted.collectiveAgreements()).isEqualTo("default of collectiveAgreements");
        assertThat(given.placeOfWork()).isEqualTo("Homeoffice");
        assertThat(given.jobDescription()).isEqualTo("Debitorenbuchhaltung");
        assertThat(given.annualLeaveDays()).isEqualTo(28);
        assertThat(NOTHING_GIVEN
                        .withDefaults(config(ALL_DEFAULTS), " ", "Buchhalterin")
                        .placeOfWork())
                .isEqualTo("default of placeOfWork");
    }

    @ParameterizedTest(name = "§3(1) BUrlG: {1} days of leave for {0} working days a week → allowed: {2}")
    @CsvSource({
        "6, 24, true",
        "6, 23, false",
        "5, 20, true", // 24 Werktage of a six-day week are 20 days of a five-day week
        "5, 19, false",
        "5, 30, true",
        "3, 12, true",
        "3, 11, false",
        "1, 4,  true",
    })
    void leave_is_at_least_the_statutory_minimum_pro_rata(int days, int leave, boolean allowed) {
        WrittenTerms terms = new WrittenTerms(
                        null, null, null, null, null, null, null, null, null, null, days, leave, null, null, null)
                .withDefaults(config(ALL_DEFAULTS), null, "Buchhalterin");

        assertThat(terms.violations().isEmpty()).isEqualTo(allowed);
        terms.violations().forEach(v -> assertThat(v.field()).isEqualTo("annualLeaveDays"));
    }

    @ParameterizedTest(name = "{0} working days a week is refused")
    @CsvSource({"0", "7"})
    void a_week_has_one_to_six_working_days(int days) {
        WrittenTerms terms = new WrittenTerms(
                        null, null, null, null, null, null, null, null, null, null, days, 30, null, null, null)
                .withDefaults(config(ALL_DEFAULTS), null, "Buchhalterin");

        assertThat(terms.violations()).extracting(Problem.Violation::field).containsExactly("workingDaysPerWeek");
    }

    private static final Map<String, String> ALL_DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> all = new HashMap<>();
        for (String field : List.of(
                "placeOfWork",
                "overtime",
                "bonuses",
                "paymentDue",
                "paymentMethod",
                "workingTimeModel",
                "breaks",
                "restPeriods",
                "shiftWork",
                "training",
                "companyPension",
                "collectiveAgreements")) {
            all.put(field, "default of " + field);
        }
        all.put("annualLeaveDays", "30");
        return all;
    }

    private static HrConfig.ContractDefaults config(Map<String, String> values) {
        return new HrConfig.ContractDefaults() {
            private Optional<String> get(String name) {
                return Optional.ofNullable(values.get(name));
            }

            @Override
            public Optional<String> placeOfWork() {
                return get("placeOfWork");
            }

            @Override
            public Optional<Integer> annualLeaveDays() {
                return get("annualLeaveDays").map(Integer::valueOf);
            }

            @Override
            public Optional<String> workingTimeModel() {
                return get("workingTimeModel");
            }

            @Override
            public Optional<String> breaks() {
                return get("breaks");
            }

            @Override
            public Optional<String> restPeriods() {
                return get("restPeriods");
            }

            @Override
            public Optional<String> shiftWork() {
                return get("shiftWork");
            }

            @Override
            public Optional<String> overtime() {
                return get("overtime");
            }

            @Override
            public Optional<String> bonuses() {
                return get("bonuses");
            }

            @Override
            public Optional<String> paymentDue() {
                return get("paymentDue");
            }

            @Override
            public Optional<String> paymentMethod() {
                return get("paymentMethod");
            }

            @Override
            public Optional<String> training() {
                return get("training");
            }

            @Override
            public Optional<String> companyPension() {
                return get("companyPension");
            }

            @Override
            public Optional<String> collectiveAgreements() {
                return get("collectiveAgreements");
            }
        };
    }
}
