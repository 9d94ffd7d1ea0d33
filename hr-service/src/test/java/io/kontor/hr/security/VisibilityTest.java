package io.kontor.hr.security;

import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.hireSomeone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Least privilege in HR (issue #17; §26 BDSG, Art. 5(1)(c) GDPR): middle-office finds a colleague in the staff
 * directory, and reads nothing else of HR - no pay, contract, reference, application, ranking or opening.
 */
@QuarkusTest
class VisibilityTest {

    /** One employee with a contract and a reference, and the application and opening they came from. */
    private record Fixture(String employee, String contract, String reference, String application, String opening) {

        String fill(String route) {
            return route.replace("{employee}", employee)
                    .replace("{contract}", contract)
                    .replace("{reference}", reference)
                    .replace("{application}", application)
                    .replace("{opening}", opening);
        }
    }

    private static Fixture fixture;

    @BeforeEach
    void anEmployeeWithAContractAndAReference() {
        if (fixture != null) {
            return;
        }
        JsonPath hired = hireSomeone("Gisela", "Geheim");
        String employee = hired.getString("employee.id");
        String reference = as("hr").body("""
                {"kind": "INTERIM", "ratings": {"performance": 4, "expertise": 4, "reliability": 4, "conduct": 4},
                 "signedBy": {"name": "Hanna Haller", "position": "Leiterin Personal"}}
                """)
                .post("/employees/" + employee + "/references")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String application = hired.getString("employee.applicationId");
        String opening =
                as("hr").get("/applications/" + application).then().extract().path("jobOpeningId");
        fixture = new Fixture(employee, hired.getString("contract.id"), reference, application, opening);
    }

    @ParameterizedTest(name = "middle-office: {0} {1} is 403")
    @CsvSource({
        "GET,  /employees",
        "GET,  /employees/{employee}",
        "GET,  /employees/{employee}/references",
        "GET,  /employees/{employee}/personnel-file",
        "PUT,  /employees/{employee}/personnel-file",
        "POST, /employees/{employee}/leaving",
        "POST, /employees",
        "POST, /employees/{employee}/references",
        "GET,  /contracts/{contract}",
        "GET,  /contracts/{contract}/document",
        "POST, /contracts/{contract}/sign",
        "GET,  /references/{reference}",
        "GET,  /references/{reference}/document",
        "GET,  /applications",
        "POST, /applications",
        "GET,  /applications/{application}",
        "POST, /applications/{application}/advance",
        "POST, /applications/{application}/interviews",
        "GET,  /job-openings",
        "POST, /job-openings",
        "GET,  /job-openings/{opening}",
        "GET,  /job-openings/{opening}/ranking",
    })
    void middle_office_reads_no_personnel_data_but_hr_does(String method, String route) {
        String path = fixture.fill(route);

        as("middle-office")
                .body("{}")
                .request(method, path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        if (method.equals("GET")) {
            as("hr").request(method, path).then().statusCode(200);
        }
    }

    @Test
    void middle_office_sees_name_title_and_department_in_the_directory_and_nothing_more() {
        String employee = fixture.employee();

        List<Map<String, Object>> entries = as("middle-office")
                .queryParam("size", 500)
                .get("/directory")
                .then()
                .statusCode(200)
                .extract()
                .path("items");

        Map<String, Object> entry = entries.stream()
                .filter(e -> employee.equals(e.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(entry)
                .containsOnlyKeys("id", "firstName", "lastName", "jobTitle", "department")
                .containsEntry("lastName", "Geheim")
                .containsEntry("jobTitle", "Softwareentwickler")
                .containsEntry("department", "Engineering");
        as("front-office").get("/directory").then().statusCode(403);
        as("hr").queryParam("size", 500)
                .get("/directory")
                .then()
                .statusCode(200)
                .body("page", equalTo(0));
    }
}
