package io.kontor.gateway.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerOverviewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[]                                                                             | ",
                "[{\"openAmount\":\"119.00\"},{\"openAmount\":\"0.00\"}]                          | 119.00 EUR",
                "[{\"openAmount\":119.00},{\"openAmount\":\"80.95\",\"currency\":\"EUR\"}]           | 199.95 EUR",
                "[{\"openAmount\":\"10.10\",\"currency\":\"CHF\"},{\"openAmount\":\"5.00\"}]         | 10.10 CHF;5.00 EUR",
                "[{\"status\":\"DRAFT\"},{\"openAmount\":null},{\"openAmount\":\"0.01\"}]            | 0.01 EUR"
            })
    void the_open_balance_adds_up_the_open_amounts_per_currency(String invoices, String expected) throws Exception {
        List<CustomerOverview.Money> balance = CustomerOverview.openBalance(list(invoices));

        String actual = String.join(
                ";",
                balance.stream()
                        .map(money -> money.amount().toPlainString() + " " + money.currency())
                        .toList());
        assertThat(actual).isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[]                                                      | 0",
                "[{\"dunningLevel\":0},{\"dunningLevel\":2},{\"dunningLevel\":1}] | 2",
                "[{\"status\":\"DRAFT\"},{\"dunningLevel\":3}]                   | 3"
            })
    void the_highest_dunning_level_is_the_one_that_counts(String invoices, int expected) throws Exception {
        assertThat(CustomerOverview.highestDunningLevel(list(invoices))).isEqualTo(expected);
    }

    @Test
    void a_missing_part_is_null_and_named_in_the_warnings() throws Exception {
        CustomerOverview overview = CustomerOverview.assemble(
                new Part.Found(JSON.readTree("{\"id\":\"c1\",\"name\":\"Muster GmbH\"}")),
                new Part.Found(JSON.readTree("{\"items\":[{\"id\":\"o1\"}],\"page\":0,\"size\":50,\"total\":1}")),
                new Part.Missing("accounting-service", "accounting-service cannot be reached right now"),
                new Part.Found(JSON.readTree("[{\"id\":\"p1\"}]")));

        assertThat(overview.customer().get("name").asText()).isEqualTo("Muster GmbH");
        assertThat(overview.offers()).hasSize(1);
        assertThat(overview.projects()).hasSize(1);
        assertThat(overview.invoices()).isNull();
        assertThat(overview.openBalance()).isNull();
        assertThat(overview.highestDunningLevel()).isNull();
        assertThat(overview.warnings())
                .containsExactly(new CustomerOverview.Warning(
                        "invoices", "accounting-service", "accounting-service cannot be reached right now"));
    }

    @Test
    void a_complete_overview_has_no_warnings() throws Exception {
        JsonNode empty = JSON.readTree("{\"items\":[]}");

        CustomerOverview overview = CustomerOverview.assemble(
                new Part.Found(JSON.readTree("{}")),
                new Part.Found(empty),
                new Part.Found(empty),
                new Part.Found(empty));

        assertThat(overview.warnings()).isEmpty();
        assertThat(overview.openBalance()).isEmpty();
        assertThat(overview.highestDunningLevel()).isZero();
    }

    private static List<JsonNode> list(String array) throws Exception {
        JsonNode node = JSON.readTree(array);
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }
}
