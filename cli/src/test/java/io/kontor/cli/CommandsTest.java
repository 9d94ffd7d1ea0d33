package io.kontor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each command calls the path of API.md with the body API.md names. */
class CommandsTest {

    @TempDir
    Path home;

    FakeGateway gateway;
    Cli cli;

    @BeforeEach
    void start() throws Exception {
        gateway =
                FakeGateway.start().answerAnyPathWith("{\"id\":\"x-1\",\"status\":\"DONE\",\"items\":[],\"total\":0}");
        cli = Cli.loggedIn(home, gateway);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    static Arguments call(String commandLine, String method, String pathAndQuery, String body) {
        return Arguments.of(commandLine, method, pathAndQuery, body);
    }

    static Stream<Arguments> calls() {
        return Stream.of(
                call("customers list -q Muster", "GET", "/sales/customers?q=Muster&page=0&size=50", null),
                call("customers show c-1", "GET", "/sales/customers/c-1", null),
                call(
                        "customers create --name Muster_GmbH --type BUSINESS --email b@muster.de --vat-id DE123456789 "
                                + "--payment-term-days 30 --street Hauptstr._1 --postal-code 10115 --city Berlin",
                        "POST",
                        "/sales/customers",
                        """
                        {"name":"Muster GmbH","type":"BUSINESS","email":"b@muster.de","vatId":"DE123456789","paymentTermDays":30,
                         "billingAddress":{"street":"Hauptstr. 1","postalCode":"10115","city":"Berlin","country":"DE"}}"""),
                call("products list --page 2 --size 10", "GET", "/sales/products?page=2&size=10", null),
                call(
                        "products create --sku CONSULT-DAY --name Beratungstag --unit-price 1200.00 --vat-rate 19 --unit day",
                        "POST",
                        "/sales/products",
                        """
                        {"sku":"CONSULT-DAY","name":"Beratungstag","unitPrice":1200.00,"vatRate":19,"unit":"day"}"""),
                call(
                        "offers create --customer c-1 --template t-1 --line CONSULT-DAY:3 --line LIC-1:1:990.00:10 --billing MILESTONES",
                        "POST",
                        "/sales/offers",
                        """
                        {"customerId":"c-1","billing":"MILESTONES","templateId":"t-1","lines":[
                          {"sku":"CONSULT-DAY","quantity":3},{"sku":"LIC-1","quantity":1,"unitPrice":990.00,"discountPercent":10}]}"""),
                call(
                        "offers list --customer c-1 --status SENT",
                        "GET",
                        "/sales/offers?customerId=c-1&status=SENT&page=0&size=50",
                        null),
                call("offers send o-1", "POST", "/sales/offers/o-1/send", null),
                call("offers accept o-1", "POST", "/sales/offers/o-1/accept", null),
                call(
                        "offers reject o-1 --reason too_expensive",
                        "POST",
                        "/sales/offers/o-1/reject",
                        "{\"reason\":\"too expensive\"}"),
                call(
                        "invoices list --customer c-1 --status ISSUED",
                        "GET",
                        "/accounting/invoices?customerId=c-1&status=ISSUED&page=0&size=50",
                        null),
                call(
                        "invoices pay --invoice-number RE-2026-000042 --amount 119.00 --payer Muster_GmbH",
                        "POST",
                        "/accounting/payments",
                        """
                        {"invoiceNumber":"RE-2026-000042","amount":119.00,"valueDate":"2026-03-02","payerName":"Muster GmbH"}"""),
                call(
                        "invoices pay --reference Rechnung_42 --amount 50 --value-date 2026-02-27 --payer Muster_GmbH",
                        "POST",
                        "/accounting/payments",
                        """
                        {"reference":"Rechnung 42","amount":50,"valueDate":"2026-02-27","payerName":"Muster GmbH"}"""),
                call("invoices dunning-run", "POST", "/accounting/dunning-runs", "{\"asOf\":\"2026-03-02\"}"),
                call(
                        "invoices dispute i-1 --reason Leistung_fehlt",
                        "POST",
                        "/accounting/invoices/i-1/dispute",
                        "{\"reason\":\"Leistung fehlt\"}"),
                call("invoices resolve-dispute i-1", "POST", "/accounting/invoices/i-1/dispute/resolve", null),
                call("invoices open-items", "GET", "/accounting/reports/open-items", null),
                call(
                        "supplier-invoices list --status PAYABLE",
                        "GET",
                        "/accounting/supplier-invoices?status=PAYABLE&page=0&size=50",
                        null),
                call("supplier-invoices show s-1", "GET", "/accounting/supplier-invoices/s-1", null),
                call("supplier-invoices approve s-1", "POST", "/accounting/supplier-invoices/s-1/approve", null),
                call("supplier-invoices open", "GET", "/accounting/supplier-invoices/open?page=0&size=50", null),
                call(
                        "supplier-invoices mail --outcome DUPLICATE",
                        "GET",
                        "/accounting/supplier-invoices/mail?outcome=DUPLICATE&page=0&size=50",
                        null),
                call(
                        "supplier-invoices payment-run --due-by 2026-12-31",
                        "POST",
                        "/accounting/payment-runs",
                        "{\"dueBy\":\"2026-12-31\"}"),
                call(
                        "applications submit --job-opening j-1 --first-name Erika --last-name Mustermann --email erika@example.com",
                        "POST",
                        "/hr/applications",
                        """
                        {"jobOpeningId":"j-1","candidate":{"firstName":"Erika","lastName":"Mustermann","email":"erika@example.com"}}"""),
                call(
                        "applications advance a-1 --stage interview",
                        "POST",
                        "/hr/applications/a-1/advance",
                        "{\"stage\":\"INTERVIEW\"}"),
                call("applications rank j-1", "GET", "/hr/job-openings/j-1/ranking", null),
                call("contracts show k-1", "GET", "/hr/contracts/k-1", null),
                call("contracts sign k-1", "POST", "/hr/contracts/k-1/sign", null),
                call(
                        "references create e-1 --kind FINAL --performance 1 --expertise 2 --reliability 1 --conduct 1 --task Led_billing",
                        "POST",
                        "/hr/employees/e-1/references",
                        """
                        {"kind":"FINAL","ratings":{"performance":1,"expertise":2,"reliability":1,"conduct":1},"tasks":["Led billing"]}"""),
                call(
                        "references create e-1 --kind INTERIM --performance 2 --expertise 2 --reliability 2 --conduct 2 "
                                + "--signer Hanna_Haller --signer-position Head_of_HR",
                        "POST",
                        "/hr/employees/e-1/references",
                        """
                        {"kind":"INTERIM","ratings":{"performance":2,"expertise":2,"reliability":2,"conduct":2},"tasks":[],
                         "signedBy":{"name":"Hanna Haller","position":"Head of HR"}}"""),
                call(
                        "references correct r-1 --performance 1 --expertise 2 --reliability 1 --conduct 1 --task Led_billing",
                        "POST",
                        "/hr/references/r-1/corrections",
                        """
                        {"ratings":{"performance":1,"expertise":2,"reliability":1,"conduct":1},"tasks":["Led billing"]}"""),
                call(
                        "contracts extend k-1 --end-date 2028-06-30",
                        "POST",
                        "/hr/contracts/k-1/extensions",
                        "{\"endDate\":\"2028-06-30\"}"),
                call("references list e-1", "GET", "/hr/employees/e-1/references", null),
                call(
                        "dead-letters list --service accounting --topic projects.projects",
                        "GET",
                        "/accounting/admin/dead-letters?topic=projects.projects",
                        null),
                call(
                        "dead-letters list --service product-development --topic accounting.invoices",
                        "GET",
                        "/product-development/admin/dead-letters?topic=accounting.invoices",
                        null),
                call(
                        "dead-letters replay --service accounting --topic projects.projects --event e-1",
                        "POST",
                        "/accounting/admin/dead-letters/replay",
                        "{\"topic\":\"projects.projects\",\"eventId\":\"e-1\"}"),
                call("dead-letters parked --service sales", "GET", "/sales/admin/outbox/parked?page=0&size=50", null),
                call(
                        "dead-letters parked --service hr --topic hr.candidates --size 10",
                        "GET",
                        "/hr/admin/outbox/parked?topic=hr.candidates&page=0&size=10",
                        null),
                call(
                        "dead-letters parked retry --service sales 42",
                        "POST",
                        "/sales/admin/outbox/parked/42/retry",
                        null),
                call(
                        "dead-letters parked discard --service accounting 7 --reason topic_was_a_typo",
                        "POST",
                        "/accounting/admin/outbox/parked/7/discard",
                        "{\"reason\":\"topic was a typo\"}"),
                call("projects list --customer c-1", "GET", "/projects?customerId=c-1&page=0&size=50", null),
                call("projects show p-1", "GET", "/projects/p-1", null),
                call(
                        "projects kickoff p-1 --at 2026-03-09T10:00+01:00 --duration 90 --participant anna@example.com --agenda Goals",
                        "POST",
                        "/projects/p-1/kickoff",
                        """
                        {"scheduledAt":"2026-03-09T10:00+01:00","durationMinutes":90,"participants":["anna@example.com"],"agenda":["Goals"]}"""),
                call("projects minutes p-1", "GET", "/projects/p-1/minutes", null),
                call(
                        "projects minutes p-1 --date 2026-03-09 --attendee anna --decision Go --action Send_plan;anna;2026-03-16",
                        "POST",
                        "/projects/p-1/minutes",
                        """
                        {"meetingDate":"2026-03-09","attendees":["anna"],"decisions":["Go"],
                         "actionItems":[{"description":"Send plan","owner":"anna","dueDate":"2026-03-16"}]}"""),
                call(
                        "projects risks add p-1 --title Key_person_leaves --probability 3 --impact 5 --mitigation Pairing --owner anna",
                        "POST",
                        "/projects/p-1/risks",
                        """
                        {"title":"Key person leaves","probability":3,"impact":5,"mitigation":"Pairing","owner":"anna"}"""),
                call("projects risks update p-1 r-1 --impact 2", "PATCH", "/projects/p-1/risks/r-1", "{\"impact\":2}"),
                call("projects status-report p-1", "GET", "/projects/p-1/status-report", null),
                call(
                        "requirements list --status DRAFT",
                        "GET",
                        "/product-development/requirements?status=DRAFT&page=0&size=50",
                        null),
                call(
                        "requirements add --title CSV_export --kind functional --priority MUST --criterion Semicolons --depends-on r-0",
                        "POST",
                        "/product-development/requirements",
                        """
                        {"title":"CSV export","kind":"FUNCTIONAL","priority":"MUST","acceptanceCriteria":["Semicolons"],"dependsOn":["r-0"]}"""),
                call("requirements approve r-1", "POST", "/product-development/requirements/r-1/approve", null),
                call("requirements verify r-1", "POST", "/product-development/requirements/r-1/verify", null),
                call(
                        "requirements confirm r-1 l-1",
                        "POST",
                        "/product-development/requirements/r-1/links/l-1/confirm",
                        null),
                call(
                        "requirements run r-1 t-1 --result passed --evidence https://ci.example/1",
                        "POST",
                        "/product-development/requirements/r-1/test-cases/t-1/runs",
                        "{\"result\":\"PASSED\",\"evidenceUrl\":\"https://ci.example/1\"}"),
                call(
                        "requirements matrix --customer c-1",
                        "GET",
                        "/product-development/traceability?customerId=c-1",
                        null),
                call(
                        "backlog add b-1 --kind story --title Export --estimate 3 --requirement r-1",
                        "POST",
                        "/product-development/backlogs/b-1/items",
                        """
                        {"kind":"STORY","title":"Export","estimate":3,"requirementIds":["r-1"]}"""),
                call(
                        "backlog move b-1 i-2 --before i-1",
                        "POST",
                        "/product-development/backlogs/b-1/items/i-2/move",
                        "{\"before\":\"i-1\"}"),
                call("backlog done b-1 i-2", "POST", "/product-development/backlogs/b-1/items/i-2/complete", null),
                call(
                        "legal documents create --kind agb --title Allgemeine_Geschäftsbedingungen",
                        "POST",
                        "/legal/documents",
                        """
                        {"kind":"AGB","language":"de","title":"Allgemeine Geschäftsbedingungen"}"""),
                call("legal documents submit d-1 2", "POST", "/legal/documents/d-1/versions/2/submit", null),
                call(
                        "legal documents publish d-1 2 --effective-from 2026-07-01",
                        "POST",
                        "/legal/documents/d-1/versions/2/publish",
                        "{\"effectiveFrom\":\"2026-07-01\"}"),
                call("legal documents diff d-1 --from 1 --to 2", "GET", "/legal/documents/d-1/diff?from=1&to=2", null),
                call("legal published AGB --language en", "GET", "/legal/published/AGB?language=en", null),
                call(
                        "legal reviews list --status pending",
                        "GET",
                        "/legal/reviews?status=PENDING&page=0&size=50",
                        null),
                call(
                        "legal reviews reject r-1 --comment Zu_lang",
                        "POST",
                        "/legal/reviews/r-1/reject",
                        "{\"comment\":\"Zu lang\"}"),
                call(
                        "legal cases list --kind collection --status open",
                        "GET",
                        "/legal/cases?kind=COLLECTION&status=OPEN&page=0&size=50",
                        null),
                call(
                        "legal cases open --kind other --title Lieferantenklage --opponent Lieferant_AG "
                                + "--deadline 2026-07-01 --deadline-title Klageerwiderung",
                        "POST",
                        "/legal/cases",
                        """
                        {"kind":"OTHER","title":"Lieferantenklage","parties":[{"role":"OPPONENT","name":"Lieferant AG"}],\
                        "deadlines":[{"title":"Klageerwiderung","dueOn":"2026-07-01"}]}"""),
                call(
                        "legal cases cost c-1 --kind court-fee --description Vorschuss --amount 183.00 --on 2026-06-01",
                        "POST",
                        "/legal/cases/c-1/costs",
                        "{\"kind\":\"COURT_FEE\",\"description\":\"Vorschuss\",\"amount\":183.00,\"incurredOn\":\"2026-06-01\"}"),
                call(
                        "legal cases close c-1 --result written-off --note insolvent",
                        "POST",
                        "/legal/cases/c-1/close",
                        "{\"result\":\"WRITTEN_OFF\",\"note\":\"insolvent\"}"),
                call("legal cases done c-1 d-1", "POST", "/legal/cases/c-1/deadlines/d-1/done", null),
                call("legal cases deadlines", "GET", "/legal/cases/deadlines?page=0&size=50", null),
                call(
                        "legal privacy register --kind access --email erika@example.org",
                        "POST",
                        "/legal/privacy/requests",
                        "{\"kind\":\"ACCESS\",\"subject\":{\"email\":\"erika@example.org\"}}"),
                call("legal privacy bundle r-1", "GET", "/legal/privacy/requests/r-1/bundle", null),
                call("audit compliance", "GET", "/processes/audit/compliance", null),
                call(
                        "audit entries --type kontor.accounting.invoice-paid.v1",
                        "GET",
                        "/processes/audit/entries?type=kontor.accounting.invoice-paid.v1&page=0&size=50",
                        null),
                call(
                        "processes cases quote-to-cash --status OPEN",
                        "GET",
                        "/processes/quote-to-cash/cases?status=OPEN&page=0&size=50",
                        null),
                call("processes rebuild", "POST", "/processes/monitoring/rebuild", null),
                call("tasks list", "GET", "/processes/tasks?page=0&size=50", null),
                call(
                        "tasks list --status DONE --subject e-1",
                        "GET",
                        "/processes/tasks?status=DONE&subjectId=e-1&page=0&size=50",
                        null),
                call("tasks approve t-1 --comment ok", "POST", "/processes/tasks/t-1/approve", "{\"comment\":\"ok\"}"),
                call(
                        "tasks reject t-1 --comment duplicate",
                        "POST",
                        "/processes/tasks/t-1/reject",
                        "{\"comment\":\"duplicate\"}"));
    }

    @ParameterizedTest(name = "kontor {0}")
    @MethodSource("calls")
    void calls_the_public_api(String commandLine, String method, String pathAndQuery, String body) throws Exception {
        // Words are split at spaces; an underscore stands for a space inside one argument.
        String[] args = Stream.of(commandLine.split(" "))
                .map(word -> word.replace('_', ' '))
                .toArray(String[]::new);

        Cli.Result result = cli.run(args);

        assertThat(result.exitCode()).as(result.err()).isZero();
        FakeGateway.Request request = gateway.last();
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.path() + (request.query() == null ? "" : "?" + request.query()))
                .isEqualTo("/api/v1" + pathAndQuery);
        if (body == null) {
            assertThat(request.body()).isEmpty();
        } else {
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(Gateway.JSON.readTree(request.body())).isEqualTo(Gateway.JSON.readTree(body));
        }
    }

    @Test
    void overdue_invoices_are_collected_from_every_page() throws Exception {
        StringBuilder firstPage = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 200; i++) {
            firstPage
                    .append(i == 0 ? "" : ",")
                    .append("{\"invoiceNumber\":\"RE-2026-")
                    .append(String.format("%06d", i))
                    .append("\",\"overdue\":")
                    .append(i == 7)
                    .append('}');
        }
        firstPage.append("],\"page\":0,\"size\":200,\"total\":201}");
        gateway.json("GET", "/accounting/invoices?page=0&size=200", firstPage.toString())
                .json(
                        "GET",
                        "/accounting/invoices?page=1&size=200",
                        "{\"items\":[{\"invoiceNumber\":\"RE-2026-000200\",\"overdue\":true}],\"page\":1,\"size\":200,\"total\":201}");

        Cli.Result result = cli.run("invoices", "list", "--overdue", "-o", "json");

        assertThat(gateway.requests).hasSize(2);
        assertThat(gateway.requests.get(1).query()).isEqualTo("page=1&size=200");
        assertThat(Gateway.JSON.readTree(result.out()).path("items").findValuesAsText("invoiceNumber"))
                .containsExactly("RE-2026-000007", "RE-2026-000200");
    }

    @Test
    void parked_events_show_as_a_table_with_their_error_and_how_many_events_wait_behind() {
        gateway.json("GET", "/sales/admin/outbox/parked?page=0&size=50", """
                {"items":[{"id":42,"topic":"sales.offers","key":"o-1","eventId":"e-1","type":"kontor.sales.offer-sent.v1",
                 "error":"RecordTooLargeException: too large","attempts":1,"waiting":3}],
                 "page":0,"size":50,"total":1}""");

        Cli.Result result = cli.run("dead-letters", "parked", "--service", "sales");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("ID", "WAITING", "ERROR", "42", "RecordTooLargeException");
    }

    @Test
    void listing_parked_events_needs_a_service_and_a_retry_a_numeric_id() {
        Cli.Result list = cli.run("dead-letters", "parked");
        Cli.Result retry = cli.run("dead-letters", "parked", "retry", "--service", "sales", "forty-two");

        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).contains("--service");
        assertThat(retry.exitCode()).isEqualTo(1);
        assertThat(retry.err()).contains("forty-two");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void compliance_findings_show_as_a_table_and_exit_with_the_finding_code() {
        gateway.json("GET", "/processes/audit/compliance", """
                {"generatedAt":"2026-06-16T10:00:00Z","entriesExamined":12,"rules":["SOD_APPROVAL_BY_REQUESTER"],
                 "findings":[{"rule":"SOD_APPROVAL_BY_REQUESTER","object":"approval:a-1",
                 "description":"anna requested invoice-cancellation of i-1 and also decided it (APPROVED)",
                 "evidence":[{"seq":3,"eventType":"approval-decided","actor":"anna"}]}]}""");

        Cli.Result result = cli.run("audit", "compliance");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.out()).contains("RULE", "SOD_APPROVAL_BY_REQUESTER", "approval:a-1");
        assertThat(result.err()).contains("1 compliance finding");
    }

    @Test
    void an_offer_needs_a_template_or_lines() {
        Cli.Result result = cli.run("offers", "create", "--customer", "c-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("kontor: an offer needs --template or at least one --line\n");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void a_malformed_offer_line_is_refused_before_anything_is_sent() {
        Cli.Result result = cli.run("offers", "create", "--customer", "c-1", "--line", "CONSULT-DAY:three");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--line 'CONSULT-DAY:three'");
        assertThat(gateway.requests).isEmpty();
    }
}
