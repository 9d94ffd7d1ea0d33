package io.kontor.hr.security;

import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.hireSomeone;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A contract PDF names the salary: no browser or proxy may keep a copy, and no browser may read it as anything but a
 * PDF (issue #24, GDPR Art. 32). The service says so itself, not only the gateway in front of it.
 */
@QuarkusTest
class SalaryDocumentHeadersTest {

    @Test
    void a_contract_pdf_is_no_store_nosniff_and_hsts() {
        String contract = hireSomeone("Sina", "Gehalt").getString("contract.id");

        as("hr").get("/contracts/" + contract + "/document")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
