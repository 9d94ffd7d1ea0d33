package io.kontor.productdevelopment.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatrixExportTest {

    private static final Matrix MATRIX = new Matrix(
            LocalDate.of(2027, 1, 29),
            "customer Müller & Söhne",
            List.of(new Matrix.Row(
                    UUID.randomUUID(),
                    "REQ-000001",
                    "=SUM(A1) | <script>, \"quoted\"",
                    2,
                    "APPROVED",
                    "MUST",
                    "Müller & Söhne",
                    "Angebot AN-1, Pos. 1",
                    List.of(new Matrix.ItemCell(UUID.randomUUID(), "STORY", "Bauen", "DONE", "Sprint 1", true)),
                    List.of(new Matrix.TestCell(UUID.randomUUID(), "Prüfen", "FAILED", false)),
                    List.of(),
                    1)),
            List.of(new Matrix.Finding(Matrix.FindingKind.SUSPECT_LINK, "REQ-000001", "IMPLEMENTED_BY Bauen")));

    @Test
    void csv_quotes_separators_and_defuses_formulas() {
        String[] lines = MatrixExport.csv(MATRIX).split("\r\n");

        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("REQ-000001,2,\"'=SUM(A1) | <script>, \"\"quoted\"\"\",APPROVED");
    }

    @Test
    void markdown_escapes_the_table_separator() {
        String markdown = MatrixExport.markdown(MATRIX);

        assertThat(markdown).contains("=SUM(A1) \\| <script>").contains("STORY Bauen (DONE, Sprint 1) ⚠");
        assertThat(markdown).contains("- **SUSPECT_LINK** REQ-000001: IMPLEMENTED_BY Bauen");
    }

    @Test
    void html_escapes_what_it_shows() {
        String html = MatrixExport.html(MATRIX);

        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(html).contains("Müller &amp; Söhne").contains("<tr class=\"suspect\">");
    }
}
