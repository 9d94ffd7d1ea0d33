package io.kontor.hr.approval;

import static io.kontor.hr.HrApi.ADDRESS;
import static io.kontor.hr.HrApi.applicationAt;
import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.awaitEvents;
import static io.kontor.hr.HrApi.eventsOf;
import static io.kontor.hr.HrApi.json;
import static io.kontor.hr.HrApi.openPosition;
import static io.kontor.hr.HrApi.uniqueTaxId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.kontor.hr.contract.ContractSigning;
import io.kontor.platform.events.approvals.ApprovalRequested;
import io.kontor.platform.events.hr.ContractSigned;
import io.kontor.platform.events.process.ApprovalDecided;
import io.kontor.testing.TestApprovals;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Four eyes on signing a contract above 100,000.00 EUR a year (issue #20; a permanent contract can hardly be undone, §1
 * KSchG; an internal control system names such commitments for a second person): the signing waits for a second person
 * of HR; approved it is signed (and announced), rejected it is a draft again; below the threshold it is signed at once.
 */
@QuarkusTest
class ContractSigningApprovalTest {

    @Inject
    TestApprovals process;

    @Test
    void a_highly_paid_contract_is_signed_only_once_a_second_person_approves() {
        String contract = hire("Hanna", "Hochgehalt", "120000.00");

        as("hr").post("/contracts/" + contract + "/sign")
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING_APPROVAL"));
        ApprovalRequested request = process.awaitRequest(ContractSigning.ACT, contract);
        assertThat(request.amount()).isEqualByComparingTo("120000.00");
        assertThat(request.role()).isEqualTo("hr");
        assertThat(request.link()).isEqualTo("/api/v1/hr/contracts/" + contract);
        as("hr").post("/contracts/" + contract + "/sign").then().statusCode(409);
        assertThat(eventsOf(ContractSigned.TOPIC, employeeOf(contract), ContractSigned.TYPE))
                .isEmpty();

        process.decide(request, ApprovalDecided.APPROVED, "zweite");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> as("hr").get("/contracts/" + contract).then().body("status", equalTo("SIGNED")));
        assertThat(awaitEvents(ContractSigned.TOPIC, employeeOf(contract), ContractSigned.TYPE))
                .hasSize(1);
    }

    @Test
    void a_rejected_signing_leaves_a_draft_and_an_ordinary_salary_needs_nobody() {
        String contract = hire("Rolf", "Abgelehnt", "150000.00");
        as("hr").post("/contracts/" + contract + "/sign").then().statusCode(202);
        process.decide(process.awaitRequest(ContractSigning.ACT, contract), ApprovalDecided.REJECTED, "zweite");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> as("hr").get("/contracts/" + contract).then().body("status", equalTo("DRAFT")));

        String ordinary = hire("Olga", "Normal", "100000.00");
        as("hr").post("/contracts/" + ordinary + "/sign").then().statusCode(200).body("status", equalTo("SIGNED"));
        assertThat(process.requests(ContractSigning.ACT, ordinary)).isEmpty();
    }

    private static String hire(String firstName, String lastName, String salary) {
        String application = applicationAt(openPosition("Bereichsleitung"), firstName, lastName, "OFFER");
        return json(as("hr").body("""
                        {"startDate": "2027-04-01", "contractType": "PERMANENT", "annualSalary": %s, "weeklyHours": 40,
                         "probationMonths": 6, "taxId": "%s", %s}
                        """.formatted(salary, uniqueTaxId(), ADDRESS))
                        .post("/applications/" + application + "/hire")
                        .then()
                        .statusCode(201)
                        .extract()
                        .asString())
                .getString("contract.id");
    }

    private static String employeeOf(String contract) {
        return as("hr").get("/contracts/" + contract).then().extract().path("employeeId");
    }
}
