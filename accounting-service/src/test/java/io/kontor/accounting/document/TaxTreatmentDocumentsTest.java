package io.kontor.accounting.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.invoice.Invoice;
import io.kontor.platform.events.sales.TaxTreatment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mustangproject.validator.ZUGFeRDValidator;

/** Every tax treatment as PDF, XRechnung and ZUGFeRD (EN 16931) XML. */
class TaxTreatmentDocumentsTest {

    @ParameterizedTest(name = "{0}: the XRechnung and the ZUGFeRD EN 16931 XML pass Mustang's validator")
    @EnumSource(TaxTreatment.class)
    void every_treatment_is_a_valid_e_invoice(TaxTreatment treatment) {
        Invoice invoice = TaxInvoices.issued(treatment);

        for (String profile : new String[] {XRechnung.XRECHNUNG, XRechnung.ZUGFERD_EN16931}) {
            String xml = XRechnung.of(invoice, new TestSeller(), profile);
            EInvoiceValidation.assertValid(xml.getBytes(StandardCharsets.UTF_8), "RE-2030-000077.xml");
        }
    }

    @ParameterizedTest(name = "{0}: category {1}, exemption reason code {2}")
    @CsvSource({
        "DOMESTIC,           S,  ",
        "REVERSE_CHARGE_13B, AE, VATEX-EU-AE",
        "INTRA_EU_SUPPLY,    K,  VATEX-EU-IC",
        "EU_B2B_SERVICE,     AE, VATEX-EU-AE",
        "EXPORT,             G,  VATEX-EU-G",
        "NOT_TAXABLE_IN_DE,  O,  VATEX-EU-O",
        "EXEMPT,             E,  ",
        "SMALL_BUSINESS_19,  E,  "
    })
    void each_treatment_maps_to_its_en16931_category_BT_118_and_reason_BT_120_BT_121(
            TaxTreatment treatment, String category, String reasonCode) {
        String xml = XRechnung.of(TaxInvoices.issued(treatment), new TestSeller());

        assertThat(xml).contains("<ram:CategoryCode>" + category + "</ram:CategoryCode>");
        if (reasonCode != null) {
            assertThat(xml).contains("<ram:ExemptionReasonCode>" + reasonCode + "</ram:ExemptionReasonCode>");
        }
        if (treatment != TaxTreatment.DOMESTIC) {
            // BR-AE-10, BR-IC-10, BR-G-10, BR-E-10, BR-O-10: the breakdown says why no VAT is charged.
            assertThat(xml).contains("<ram:ExemptionReason>" + treatment.legalNote(reasonText(treatment)));
            assertThat(xml).contains("<ram:CalculatedAmount>0.00</ram:CalculatedAmount>");
        }
    }

    @ParameterizedTest(name = "{0}: the buyer's VAT id is on the e-invoice (BT-48, §14a UStG)")
    @CsvSource({"REVERSE_CHARGE_13B, DE811907980", "INTRA_EU_SUPPLY, ATU13585627", "EU_B2B_SERVICE, FR40303265045"})
    void reverse_charge_and_intra_eu_supplies_name_both_vat_ids_14a_UStG(TaxTreatment treatment, String buyerVatId) {
        String xml = XRechnung.of(TaxInvoices.issued(treatment), new TestSeller());
        String pdf = PdfText.withoutSpaces(InvoicePdf.of(TaxInvoices.issued(treatment), new TestSeller()));

        assertThat(xml).contains(">" + buyerVatId + "<").contains(">DE123456789<");
        assertThat(pdf)
                .contains(PdfText.squeezed("USt-IdNr. des Leistungsempfängers: " + buyerVatId))
                .contains(PdfText.squeezed("USt-IdNr. DE123456789"));
    }

    @Test
    void an_intra_community_supply_names_the_country_the_goods_go_to_BR_IC_12() {
        String xml = XRechnung.of(TaxInvoices.issued(TaxTreatment.INTRA_EU_SUPPLY), new TestSeller());

        assertThat(xml).contains("<ram:ShipToTradeParty>").contains("<ram:CountryID>AT</ram:CountryID>");
    }

    @Test
    void the_zugferd_xml_of_a_service_not_taxable_in_germany_is_completely_valid_BR_48() {
        String xml = XRechnung.of(
                TaxInvoices.issued(TaxTreatment.NOT_TAXABLE_IN_DE), new TestSeller(), XRechnung.ZUGFERD_EN16931);

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(xml.getBytes(StandardCharsets.UTF_8), "RE-2030-000077.xml");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    @Test
    void a_service_not_taxable_in_germany_names_no_vat_id_at_all_BR_O_02() {
        String xml = XRechnung.of(TaxInvoices.issued(TaxTreatment.NOT_TAXABLE_IN_DE), new TestSeller());

        assertThat(xml).doesNotContain("DE123456789").contains("22/815/08154");
    }

    @ParameterizedTest(name = "{0}: the PDF prints the legal note and shows no VAT")
    @EnumSource(
            value = TaxTreatment.class,
            names = {"DOMESTIC"},
            mode = EnumSource.Mode.EXCLUDE)
    void the_pdf_prints_the_legal_note_of_the_treatment_and_no_vat_14c_UStG(TaxTreatment treatment) {
        String pdf = PdfText.withoutSpaces(InvoicePdf.of(TaxInvoices.issued(treatment), new TestSeller()));

        assertThat(pdf).contains(PdfText.squeezed(treatment.legalNote(reasonText(treatment))));
        assertThat(pdf).doesNotContain("SummeUmsatzsteuer").doesNotContain("Umsatzsteuer19%");
        // 8 × 95.00 + 3 × 40.10 less 5 % = 760.00 + 114.29, and nothing on top.
        assertThat(pdf).contains("Rechnungsbetrag874,29EUR");
    }

    @Test
    void the_pdf_names_the_service_period_and_the_order_14_4_Nr_6_UStG() {
        String pdf = PdfText.withoutSpaces(InvoicePdf.of(TaxInvoices.issued(TaxTreatment.DOMESTIC), new TestSeller()));
        String xml = XRechnung.of(TaxInvoices.issued(TaxTreatment.DOMESTIC), new TestSeller());

        assertThat(pdf)
                .contains("Leistungszeitraum:03.06.2030bis07.06.2030")
                .contains("IhreBestellung:PO-2030-17")
                .contains("Umsatzsteuer19%166,12EUR");
        assertThat(xml)
                .contains("<ram:BillingSpecifiedPeriod>")
                .contains("20300603")
                .contains("20300607")
                .contains("<ram:IssuerAssignedID>PO-2030-17</ram:IssuerAssignedID>");
    }

    private static String reasonText(TaxTreatment treatment) {
        return switch (treatment) {
            case REVERSE_CHARGE_13B -> "Bauleistung an Bauleistenden, §13b Abs. 2 Nr. 4 UStG";
            case EXEMPT -> "Heilbehandlung, §4 Nr. 14 UStG";
            default -> null;
        };
    }
}
