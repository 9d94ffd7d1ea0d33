package io.kontor.hr.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The due date of each offboarding step, for an employment ending on 30 June 2027 and recorded on 15 May 2027. */
class OffboardingStepTest {

    private static final LocalDate LEAVING = LocalDate.of(2027, 6, 30);
    private static final LocalDate RECORDED = LocalDate.of(2027, 5, 15);

    @ParameterizedTest(name = "{0} due by {1}")
    @CsvSource({
        "JOB_SEEKER_NOTICE,               2027-05-15", // §2(2) sentence 2 no. 3 SGB III: at once
        "REMAINING_LEAVE,                 2027-06-30", // §7(4) BUrlG: granted before the end, else paid out
        "RETURN_OF_EQUIPMENT,             2027-06-30", // §667 BGB
        "REVOKE_ACCESS,                   2027-07-01", // Art. 32 GDPR: the day after the last day
        "FINAL_REFERENCE,                 2027-06-30", // §109 GewO: at the end
        "LEAVE_CERTIFICATE,               2027-06-30", // §6(2) BUrlG
        "EMPLOYMENT_AGENCY_CERTIFICATE,   2027-06-30", // §§312, 313a SGB III
        "FINAL_PAY,                       2027-06-30", // §614 BGB, the contract's pay day: the end of the month
        "SOCIAL_INSURANCE_DEREGISTRATION, 2027-08-11", // §8(1) DEÜV: within six weeks of the end
        "WAGE_TAX_CERTIFICATE,            2028-02-29", // §41b(1) sentence 2 EStG: end of February of the next year
    })
    void each_step_is_due_as_its_rule_says(OffboardingStep step, LocalDate dueBy) {
        assertThat(step.dueBy(LEAVING, RECORDED)).isEqualTo(dueBy);
    }

    @ParameterizedTest(name = "leaving {0}, recorded {1}: notice due by {2}")
    @CsvSource({
        "2027-06-30, 2027-05-15, 2027-05-15",
        "2027-06-30, 2027-07-03, 2027-06-30", // recorded late: already overdue on the last day
        "2027-06-14, 2027-06-01, 2027-06-01",
    })
    void the_job_seeker_notice_is_due_at_once_and_at_the_latest_on_the_last_day(
            LocalDate leaving, LocalDate recorded, LocalDate dueBy) {
        assertThat(OffboardingStep.JOB_SEEKER_NOTICE.dueBy(leaving, recorded)).isEqualTo(dueBy);
    }

    @ParameterizedTest(name = "leaving {0}: final pay by {1}")
    @CsvSource({"2027-06-14, 2027-06-30", "2028-02-10, 2028-02-29"})
    void the_final_pay_is_due_at_the_end_of_the_month_of_leaving(LocalDate leaving, LocalDate dueBy) {
        assertThat(OffboardingStep.FINAL_PAY.dueBy(leaving, leaving)).isEqualTo(dueBy);
    }
}
