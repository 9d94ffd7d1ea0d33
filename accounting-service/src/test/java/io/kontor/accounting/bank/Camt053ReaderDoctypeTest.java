package io.kontor.accounting.bank;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader refuses a document type declaration itself, before the parser sees it, whatever the parser library's own
 * settings (XXE and entity expansion, issue #24); StatementEntityTest shows the same through the API.
 */
class Camt053ReaderDoctypeTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "<!DOCTYPE Document [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>",
                "<!DOCTYPE Document [<!ENTITY e \"Rechnung\">]>",
                "<!doctype Document SYSTEM \"http://127.0.0.1:9/camt.dtd\">"
            })
    void a_statement_with_a_doctype_is_unreadable_and_says_why(String doctype) throws IOException {
        String xml;
        try (InputStream in = getClass().getResourceAsStream("/camt053/statement-001.02.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${RUN}", "doctype")
                    .replace("${PAYER}", "Doctype GmbH")
                    .replace("${B_SPACED}", "-")
                    .replace("${A}", "RE-2037-000001")
                    .replaceFirst("\\?>", "?>\n" + doctype);
        }
        String statement = xml;

        assertThatThrownBy(() -> Camt053Reader.read(statement))
                .isInstanceOf(Camt053Reader.UnreadableStatement.class)
                .hasMessageContaining("DOCTYPE");
    }
}
