package io.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TableTest {

    static final List<Column> CUSTOMERS = List.of(
            Column.of("ID", "id").whole(),
            Column.of("NAME", "name"),
            Column.of("EMAIL", "email"),
            Column.of("OPEN", "openAmount").right());

    static JsonNode row(String json) throws Exception {
        return Gateway.JSON.readTree(json);
    }

    static Stream<Arguments> widths() {
        return Stream.of(Arguments.of(80), Arguments.of(100), Arguments.of(60));
    }

    @ParameterizedTest(name = "{0} columns")
    @MethodSource("widths")
    void every_line_fits_the_terminal_width(int width) throws Exception {
        List<String> lines = Table.render(
                CUSTOMERS,
                List.of(
                        row(
                                "{\"id\":\"3f1c8a52-6a4e-4b5e-9d0c-5a1e2b3c4d5e\",\"name\":\"Müller Maschinenbau Gesellschaft mit beschränkter Haftung\","
                                        + "\"email\":\"buchhaltung@mueller-maschinenbau-niederrhein.de\",\"openAmount\":12345.67}"),
                        row(
                                "{\"id\":\"0a1b2c3d-6a4e-4b5e-9d0c-5a1e2b3c4d5e\",\"name\":\"Kurz AG\",\"email\":\"a@b.de\",\"openAmount\":0.00}")),
                width);

        assertThat(lines).allSatisfy(line -> assertThat(Table.length(line)).isLessThanOrEqualTo(width));
    }

    @Test
    void ids_are_never_shortened_the_widest_text_gives_way_with_an_ellipsis() throws Exception {
        List<String> lines = Table.render(
                CUSTOMERS,
                List.of(row(
                        "{\"id\":\"3f1c8a52-6a4e-4b5e-9d0c-5a1e2b3c4d5e\",\"name\":\"Müller Maschinenbau Gesellschaft mit beschränkter Haftung\","
                                + "\"email\":\"buchhaltung@mueller.de\",\"openAmount\":1}")),
                80);

        assertThat(lines.get(1))
                .startsWith("3f1c8a52-6a4e-4b5e-9d0c-5a1e2b3c4d5e  Müller Maschinen")
                .contains("…  buchhaltung@")
                .hasSize(80);
    }

    @Test
    void when_shortening_is_not_enough_the_most_dispensable_columns_are_left_out() throws Exception {
        List<Column> invoices = List.of(
                Column.of("ID", "id").whole(),
                Column.of("NUMBER", "invoiceNumber").whole(),
                Column.of("STATUS", "status").whole(),
                Column.of("DUE", "dueDate").whole().dispensable(1),
                Column.of("LVL", "dunningLevel").amount().dispensable(2),
                Column.of("OPEN", "openAmount").amount());
        List<JsonNode> rows = List.of(
                row(
                        "{\"id\":\"cd77fd42-2f59-4228-8966-3349f02f1ba1\",\"invoiceNumber\":\"RE-2026-000001\","
                                + "\"status\":\"PARTIALLY_PAID\",\"dueDate\":\"2026-12-11\",\"dunningLevel\":0,\"openAmount\":4284.00}"));

        assertThat(Table.render(invoices, rows, 80))
                .containsExactly(
                        "ID                                    NUMBER          STATUS          OPEN",
                        "cd77fd42-2f59-4228-8966-3349f02f1ba1  RE-2026-000001  PARTIALLY_PAID  4284.00");
        assertThat(Table.render(invoices, rows, 120).get(0)).contains("DUE", "LVL");
    }

    @Test
    void amounts_are_right_aligned_and_written_without_exponent() throws Exception {
        List<String> lines = Table.render(
                List.of(Column.of("NO", "n"), Column.of("OPEN", "openAmount").right()),
                List.of(row("{\"n\":\"RE-1\",\"openAmount\":1E+3}"), row("{\"n\":\"RE-2\",\"openAmount\":119.00}")),
                80);

        assertThat(lines).containsExactly("NO    OPEN", "RE-1    1000", "RE-2  119.00");
    }

    @Test
    void nested_fields_lists_and_missing_values_become_plain_cells() throws Exception {
        JsonNode customer = row("{\"billingAddress\":{\"city\":\"Köln\"},\"tags\":[\"a\",\"b\"],\"vatId\":null}");

        assertThat(Table.cell(customer, "billingAddress.city")).isEqualTo("Köln");
        assertThat(Table.cell(customer, "tags")).isEqualTo("a, b");
        assertThat(Table.cell(customer, "vatId")).isEmpty();
        assertThat(Table.cell(customer, "nothing")).isEmpty();
    }

    @Test
    void long_values_of_a_single_object_wrap_at_word_boundaries() {
        assertThat(Output.wrap(
                        "Frau Muster erledigte die ihr übertragenen Aufgaben stets zu unserer vollsten Zufriedenheit",
                        30))
                .containsExactly(
                        "Frau Muster erledigte die ihr",
                        "übertragenen Aufgaben stets zu",
                        "unserer vollsten Zufriedenheit")
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(30));
    }
}
