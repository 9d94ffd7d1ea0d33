package io.kontor.accounting.document;

import static io.kontor.accounting.Accounting.API;
import static io.kontor.accounting.Accounting.asAccountant;
import static io.kontor.accounting.Accounting.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.Accounting;
import io.kontor.accounting.Accounting.Issued;
import io.kontor.accounting.SalesEvents;
import io.kontor.platform.company.CompanyProfile;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GoBD: an issued invoice's documents are kept as sent and served unchanged, whatever the configuration says later. */
@QuarkusTest
class FrozenDocumentsTest {

    @Inject
    SalesEvents sales;

    @Inject
    CompanyProfile company;

    @Test
    void documents_issued_before_a_change_of_the_seller_stay_byte_for_byte_as_issued() {
        UUID customerId = sales.registerCustomer("Archiv GmbH", 14);
        Issued before = Accounting.issue(customerId, line("Beratung", "3", "120.00", "19"));
        ExtractableResponse<Response> pdf = document(before, "pdf");
        ExtractableResponse<Response> xml = document(before, "xrechnung");
        ExtractableResponse<Response> zugferd = document(before, "zugferd");
        assertThat(pdf.header("X-Content-SHA256")).isEqualTo(InvoiceDocuments.sha256(pdf.asByteArray()));
        assertThat(xml.header("X-Content-SHA256")).isEqualTo(InvoiceDocuments.sha256(xml.asByteArray()));
        assertThat(PdfText.withoutSpaces(pdf.asByteArray())).contains("KontorDemoGmbH");
        // A partial credit note (§17 UStG) written before the change is frozen the same way.
        String creditId = asAccountant()
                .body("{\"reason\":\"1 Stunde nicht erbracht\",\"lines\":[{\"position\":1,\"quantity\":1}]}")
                .post(API + "/invoices/" + before.id() + "/credits")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ExtractableResponse<Response> creditPdf = document(before, "credits/" + creditId + "/pdf");
        ExtractableResponse<Response> creditXml = document(before, "credits/" + creditId + "/xrechnung");

        // The one company profile (kontor.company.*) changes: name, register, managing directors, bank.
        QuarkusMock.installMockForType(new RenamedSeller(company), SellerOfRecord.class);
        Issued after = Accounting.issue(customerId, line("Beratung", "3", "120.00", "19"));

        assertThat(PdfText.withoutSpaces(document(after, "pdf").asByteArray()))
                .contains("KontorNachfolgeAG")
                .contains("AmtsgerichtBremenHRB99999")
                .contains("Geschäftsführung:MaxNachfolger")
                .contains("DE89370400440532013000");
        assertThat(document(before, "credits/" + creditId + "/pdf").asByteArray())
                .isEqualTo(creditPdf.asByteArray());
        assertThat(document(before, "credits/" + creditId + "/pdf").header("X-Content-SHA256"))
                .isEqualTo(creditPdf.header("X-Content-SHA256"));
        assertThat(document(before, "credits/" + creditId + "/xrechnung").asByteArray())
                .isEqualTo(creditXml.asByteArray());
        assertThat(PdfText.withoutSpaces(pdf.asByteArray())).doesNotContain("AmtsgerichtBremen");
        ExtractableResponse<Response> pdfAgain = document(before, "pdf");
        assertThat(pdfAgain.asByteArray()).isEqualTo(pdf.asByteArray());
        assertThat(pdfAgain.header("X-Content-SHA256")).isEqualTo(pdf.header("X-Content-SHA256"));
        assertThat(pdfAgain.header("ETag")).isEqualTo("\"" + pdf.header("X-Content-SHA256") + "\"");
        assertThat(document(before, "xrechnung").asByteArray()).isEqualTo(xml.asByteArray());
        assertThat(document(before, "zugferd").asByteArray()).isEqualTo(zugferd.asByteArray());
        assertThat(new String(xml.asByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Kontor Demo GmbH")
                .doesNotContain("Kontor Nachfolge AG");
    }

    private static ExtractableResponse<Response> document(Issued invoice, String kind) {
        return asAccountant()
                .accept("*/*")
                .get(API + "/invoices/" + invoice.id() + "/" + kind)
                .then()
                .statusCode(200)
                .extract();
    }

    /** The company profile after a rename and a new register entry: what documents issued from now on name. */
    static final class RenamedSeller extends SellerOfRecord {

        private final CompanyProfile renamed;

        RenamedSeller(CompanyProfile original) {
            this.renamed = new CompanyProfile() {
                public String name() {
                    return "Kontor Nachfolge AG";
                }

                public String street() {
                    return original.street();
                }

                public String postalCode() {
                    return original.postalCode();
                }

                public String city() {
                    return original.city();
                }

                public String country() {
                    return original.country();
                }

                public String vatId() {
                    return original.vatId();
                }

                public Optional<String> taxNumber() {
                    return original.taxNumber();
                }

                public Optional<String> registerCourt() {
                    return Optional.of("Amtsgericht Bremen");
                }

                public Optional<String> registerNumber() {
                    return Optional.of("HRB 99999");
                }

                public Optional<String> managingDirectors() {
                    return Optional.of("Max Nachfolger");
                }

                public String contactName() {
                    return original.contactName();
                }

                public String phone() {
                    return original.phone();
                }

                public String email() {
                    return original.email();
                }

                public String iban() {
                    return "DE89370400440532013000";
                }

                public String bic() {
                    return original.bic();
                }

                public String bankName() {
                    return original.bankName();
                }

                public Optional<String> logoText() {
                    return original.logoText();
                }

                public boolean smallBusiness() {
                    return original.smallBusiness();
                }
            };
        }

        @Override
        public CompanyProfile current() {
            return renamed;
        }
    }
}
