package io.kontor.sales.offer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.platform.company.CompanyProfile;
import io.kontor.sales.customer.BillingAddress;
import io.kontor.sales.customer.Customer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The document without a running service: what it says about revisions, options and the seller. */
class OfferPdfContentTest {

    private static final CompanyProfile SELLER = new CompanyProfile() {
        public String name() {
            return "Hanse Handel GmbH";
        }

        public String street() {
            return "Am Sande 1";
        }

        public String postalCode() {
            return "21335";
        }

        public String city() {
            return "Lüneburg";
        }

        public String country() {
            return "DE";
        }

        public String vatId() {
            return "DE999999999";
        }

        public Optional<String> taxNumber() {
            return Optional.empty();
        }

        public Optional<String> registerCourt() {
            return Optional.of("Amtsgericht Lüneburg");
        }

        public Optional<String> registerNumber() {
            return Optional.of("HRB 4711");
        }

        public Optional<String> managingDirectors() {
            return Optional.of("Hans Hanse");
        }

        public String contactName() {
            return "Vertrieb";
        }

        public String phone() {
            return "+49 4131 0000";
        }

        public String email() {
            return "angebote@hanse.example";
        }

        public String iban() {
            return "DE02120300000000202051";
        }

        public String bic() {
            return "BYLADEM1001";
        }

        public String bankName() {
            return "Deutsche Kreditbank Berlin";
        }

        public Optional<String> logoText() {
            return Optional.empty();
        }

        public boolean smallBusiness() {
            return false;
        }
    };

    @Test
    void a_revision_says_so_and_an_unchosen_option_is_marked_and_left_out_of_the_gross() throws IOException {
        Offer offer = new Offer();
        offer.offerNumber = "AN-2026-000042";
        offer.revision = 3;
        offer.issueDate = LocalDate.parse("2026-03-02");
        offer.validUntil = LocalDate.parse("2026-04-01");
        offer.termsText = "Preise zzgl. Reisekosten.";
        offer.price(List.of(line("Installation", "100.00", false), line("Wartung", "40.00", true)));

        String text = text(OfferPdf.of(offer, customer(), SELLER));

        assertThat(text).contains("Angebot AN-2026-000042 (Revision 3)");
        assertThat(text).contains("Wartung (Option)");
        assertThat(text).contains("Gesamtbetrag brutto").contains("119,00 EUR").doesNotContain("159,00 EUR");
        assertThat(text).contains("Gültig bis: 01.04.2026").contains("Preise zzgl. Reisekosten.");
        assertThat(text)
                .contains("Sitz Lüneburg, Amtsgericht Lüneburg HRB 4711")
                .contains("Geschäftsführung: Hans Hanse")
                .contains("USt-IdNr. DE999999999")
                .contains("DE02120300000000202051");
        assertThat(OfferPdf.fileName(offer)).isEqualTo("AN-2026-000042-R3.pdf");
    }

    private static OfferLineItem line(String description, String price, boolean optional) {
        OfferLineItem line = new OfferLineItem();
        line.sku = description.toUpperCase();
        line.description = description;
        line.quantity = BigDecimal.ONE;
        line.unit = "piece";
        line.unitPrice = new BigDecimal(price);
        line.discountPercent = BigDecimal.ZERO;
        line.vatRate = 19;
        line.netAmount = new BigDecimal(price);
        line.optional = optional;
        return line;
    }

    private static Customer customer() {
        Customer customer = new Customer();
        customer.name = "Kunde AG";
        customer.customerNumber = "K-000007";
        customer.billingAddress = new BillingAddress();
        customer.billingAddress.street = "Markt 2";
        customer.billingAddress.postalCode = "21335";
        customer.billingAddress.city = "Lüneburg";
        customer.billingAddress.country = "DE";
        return customer;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
