package io.kontor.accounting.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.kontor.platform.events.sales.CustomerType;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {

    @Test
    void the_pdf_carries_what_a_german_invoice_must_show() throws IOException {
        byte[] pdf = InvoicePdf.of(Invoices.issued(CustomerType.BUSINESS), new TestSeller());

        // Text extraction runs table cells together, so the comparison ignores white space.
        String text = textOf(pdf).replaceAll("\\s+", "");

        for (String expected : new String[] {
            "Kontor Demo GmbH",
            "Speicherstadt 1",
            "USt-IdNr. DE123456789",
            "Steuernummer 22/815/08154",
            "Hanse Kontor GmbH",
            "Am Sandtorkai 5",
            "DE811907980",
            "Rechnung RE-2030-000042",
            "Rechnungsdatum: 15.06.2030",
            "Leistungsdatum: 15.06.2030",
            "Beratung 10 h 120,00 19 % 1.200,00",
            "Fachbuch (abzgl. 10 % Rabatt) 3 pc 24,99 7 % 67,47",
            "Schulung 1,5 d 333,33 19 % 500,00",
            "Nettobetrag zu 19 % 1.700,00 EUR",
            "Umsatzsteuer 19 % 323,00 EUR",
            "Nettobetrag zu 7 % 67,47 EUR",
            "Umsatzsteuer 7 % 4,72 EUR",
            "Summe netto 1.767,47 EUR",
            "Summe Umsatzsteuer 327,72 EUR",
            "Rechnungsbetrag 2.095,19 EUR",
            "bis zum 15.07.2030",
            "IBAN DE02120300000000202051"
        }) {
            assertThat(text).contains(expected.replaceAll("\\s+", ""));
        }
    }

    @Test
    void a_consumer_invoice_names_no_buyer_vat_id() throws IOException {
        String text = textOf(InvoicePdf.of(Invoices.issued(CustomerType.CONSUMER), new TestSeller()));

        assertThat(text).contains("Erika Mustermann").doesNotContain("Leistungsempfängers");
    }

    private static String textOf(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }
}
