package io.kontor.hr.contract;

import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.hireSomeone;
import static io.kontor.hr.HrApi.pdfText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.kontor.testing.TestMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The signed contract reaches the employee by mail (read over IMAP from the real server): text form is enough for the
 * essential terms when the employee can store and print them and is asked to confirm receipt (§2 (1) sentences 2-3
 * NachwG since 1 January 2025); the delivery record shows when and to whom it went.
 */
@QuarkusTest
class ContractMailTest {

    @Test
    void signing_mails_the_signed_contract_asking_for_a_confirmation_of_receipt() throws Exception {
        JsonPath hired = hireSomeone("Paula", "Postel");
        String contract = hired.getString("contract.id");
        String email = hired.getString("employee.email");
        assertThat(email).isNotBlank();

        as("hr").get("/contracts/" + contract + "/deliveries")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        as("hr").post("/contracts/" + contract + "/sign").then().statusCode(200);

        TestMail.Received mail = TestMail.awaitMessage(email, m -> m.subject().startsWith("Ihr Arbeitsvertrag"));
        assertThat(mail.text()).contains("Guten Tag Paula Postel").contains("Empfangsnachweis");
        TestMail.Attachment pdf = mail.attachment("arbeitsvertrag-" + contract + ".pdf");
        assertThat(pdfText(pdf.content())).contains("Paula Postel").contains("Unterzeichnet am");

        as("hr").get("/contracts/" + contract + "/deliveries")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].recipient", equalTo(email))
                .body("[0].attachments[0].sha256", equalTo(pdf.sha256()));
        as("hr").get("/contracts/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
    }
}
