package io.kontor.testing.sepa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facets of pain.001.001.09 that a schema made from JAXB classes does not carry, for the fields Kontor fills, with
 * the patterns and lengths of the ISO 20022 message definition.
 */
public final class SepaFacets {

    private static final String IBAN = "[A-Z]{2,2}[0-9]{2,2}[a-zA-Z0-9]{1,30}"; // IBAN2007Identifier
    private static final String BICFI = "[A-Z0-9]{4,4}[A-Z]{2,2}[A-Z0-9]{2,2}([A-Z0-9]{3,3}){0,1}"; // BICFIDec2014

    private SepaFacets() {}

    public static void assertFacets(String xml) {
        each(xml, "IBAN", v -> assertThat(v).matches(IBAN));
        each(xml, "BICFI", v -> assertThat(v).matches(BICFI));
        each(xml, "MsgId", v -> assertThat(v).hasSizeBetween(1, 35)); // Max35Text
        each(xml, "PmtInfId", v -> assertThat(v).hasSizeBetween(1, 35));
        each(xml, "EndToEndId", v -> assertThat(v).hasSizeBetween(1, 35));
        each(xml, "Nm", v -> assertThat(v).hasSizeBetween(1, 70)); // Max140Text; SEPA: 70
        each(xml, "Ustrd", v -> assertThat(v).hasSizeBetween(1, 140)); // Max140Text
        each(xml, "NbOfTxs", v -> assertThat(v).matches("[0-9]{1,15}")); // Max15NumericText
        each(xml, "CtrlSum", v -> assertThat(v).matches("\\d{1,16}(\\.\\d{1,2})?")); // DecimalNumber, 18/17
        Matcher amount = Pattern.compile("<InstdAmt Ccy=\"([A-Z]{3})\">([^<]*)</InstdAmt>")
                .matcher(xml);
        while (amount.find()) {
            // ActiveOrHistoricCurrencyAndAmount (totalDigits 18, fractionDigits 5); SEPA: EUR, 0.01 to 999999999.99.
            assertThat(amount.group(1)).isEqualTo("EUR");
            assertThat(amount.group(2)).matches("\\d{1,9}\\.\\d{2}");
        }
        // EPC's SEPA character set in all free text.
        each(xml, "Nm", v -> assertThat(v).matches("[A-Za-z0-9/\\-?:().,'+ ]+"));
        each(xml, "Ustrd", v -> assertThat(v).matches("[A-Za-z0-9/\\-?:().,'+ ]+"));
    }

    private static void each(String xml, String element, java.util.function.Consumer<String> check) {
        Matcher m =
                Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        while (m.find()) {
            check.accept(m.group(1));
        }
    }
}
