package io.kontor.accounting.payables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kontor.accounting.payables.run.Pain001;
import io.kontor.testing.sepa.Pain001Schema;
import io.kontor.testing.sepa.SepaFacets;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SEPA credit transfer file against the ISO 20022 pain.001.001.09 definition. */
class Pain001Test {

    private static final Pain001.Debtor US =
            new Pain001.Debtor("Kontor Demo GmbH", "DE02120300000000202051", "BYLADEM1001");

    static String file() {
        return Pain001.write(
                "KONTOR-0123456789abcdef0123456789ab",
                Instant.parse("2026-12-05T09:30:00.123Z"),
                LocalDate.of(2026, 12, 7),
                US,
                List.of(
                        new Pain001.Transfer(
                                "0123456789abcdef0123456789abcdef",
                                new BigDecimal("1218.63"),
                                "EUR",
                                "Müller & Söhne GmbH",
                                "DE89370400440532013000",
                                "COBADEFFXXX",
                                "Rechnung LN-2026-0042 vom 2026-11-20 abzgl. 24.87 Skonto"),
                        new Pain001.Transfer(
                                "fedcba9876543210fedcba9876543210",
                                new BigDecimal("119.00"),
                                "EUR",
                                "Lieferant Sued KG",
                                "DE02100100100006820101",
                                null,
                                "Rechnung 77 vom 2026-11-20")));
    }

    @Test
    void a_credit_transfer_file_conforms_to_pain_001_001_09() throws Exception {
        String xml = file();
        Pain001Schema.validate(xml);
        assertThat(xml)
                .contains("<NbOfTxs>2</NbOfTxs>")
                .contains("<CtrlSum>1337.63</CtrlSum>")
                .contains("<Nm>Mueller + Soehne GmbH</Nm>")
                .contains("<InstdAmt Ccy=\"EUR\">1218.63</InstdAmt>")
                .contains("<ReqdExctnDt><Dt>2026-12-07</Dt></ReqdExctnDt>")
                .contains("<SvcLvl><Cd>SEPA</Cd></SvcLvl>");
        SepaFacets.assertFacets(xml);
    }

    @Test
    void the_schema_check_can_fail_a_file_without_its_debtor() {
        String broken = file().replaceFirst("<Dbtr>.*?</Dbtr>", "");
        assertThatThrownBy(() -> Pain001Schema.validate(broken)).hasMessageContaining("DbtrAcct");
    }
}
