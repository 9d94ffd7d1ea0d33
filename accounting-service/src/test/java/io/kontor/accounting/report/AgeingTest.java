package io.kontor.accounting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeingTest {

    @ParameterizedTest(name = "due {0}, as of 2031-06-30: {1}")
    @CsvSource({
        "2031-07-01, NOT_DUE",
        "2031-06-30, NOT_DUE",
        "2031-06-29, DAYS_0_30",
        "2031-05-31, DAYS_0_30",
        "2031-05-30, DAYS_31_60",
        "2031-05-01, DAYS_31_60",
        "2031-04-30, DAYS_61_90",
        "2031-04-01, DAYS_61_90",
        "2031-03-31, OVER_90",
    })
    void an_item_falls_into_the_bucket_of_its_days_past_due(String due, Ageing.Bucket bucket) {
        assertThat(Ageing.bucketOf(LocalDate.parse(due), LocalDate.parse("2031-06-30")))
                .isEqualTo(bucket);
    }

    @ParameterizedTest(name = "{0} open of {1} invoiced in 90 days: DSO {2}")
    @CsvSource({"1000.00, 3000.00, 30.0", "500.00, 1500.00, 30.0", "1190.00, 2380.00, 45.0", "0.00, 100.00, 0.0"})
    void dso_is_receivables_over_sales_of_the_window_times_its_days(String open, String sales, String dso) {
        assertThat(Ageing.dso(new BigDecimal(open), new BigDecimal(sales), 90)).isEqualByComparingTo(dso);
    }
}
