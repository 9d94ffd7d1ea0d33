package io.kontor.accounting.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming camt.053 reader (#23) reads what the Prowide-based one read: every version from 001.02 on, batch
 * bookings split, debits with everything accounts payable needs, and only as much of the document as one entry at a
 * time.
 */
class Camt053ReaderTest {

    @Test
    void a_001_02_statement_gives_credits_and_the_debit_with_amount_dates_references_and_remittance() {
        List<StatementEntry> entries = Camt053Reader.read(fixture(
                "statement-001.02.xml",
                "RUN",
                "r1",
                "PAYER",
                "Hanse Kontor GmbH",
                "A",
                "RE-2037-000001",
                "B_SPACED",
                "RE 2037 000002"));

        assertThat(entries).hasSize(5);
        StatementEntry first = entries.get(0);
        assertThat(first.entryKey()).isEqualTo("DE02120300000000202051|r1-A1");
        assertThat(first.accountIban()).isEqualTo("DE02120300000000202051");
        assertThat(first.statementId()).isEqualTo("r1-0001");
        assertThat(first.amount()).isEqualByComparingTo(new BigDecimal("1190.00"));
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.credit()).isTrue();
        assertThat(first.booked()).isTrue();
        assertThat(first.payerName()).isEqualTo("Hanse Kontor GmbH");
        assertThat(first.remittance()).isEqualTo("Rechnung RE-2037-000001 vom 01.03.2037");
        assertThat(first.endToEndId()).as("NOTPROVIDED is no reference").isNull();
        assertThat(first.returnInfo()).isNull();
        assertThat(entries.get(1).endToEndId()).isEqualTo("E2E-r1-2");
        assertThat(entries.get(2).bookingDate()).isEqualTo(LocalDate.of(2037, 3, 2));
        assertThat(entries.get(2).valueDate()).isEqualTo(LocalDate.of(2037, 3, 1));

        StatementEntry debit = entries.get(4);
        assertThat(debit.credit()).as("CdtDbtInd DBIT").isFalse();
        assertThat(debit.booked()).isTrue();
        assertThat(debit.amount()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(debit.remittance()).isEqualTo("Kontofuehrung");
        assertThat(debit.bookingDate()).isEqualTo(LocalDate.of(2037, 3, 2));
        assertThat(debit.valueDate()).isEqualTo(LocalDate.of(2037, 3, 2));
    }

    @Test
    void a_001_08_batch_booking_is_split_into_its_transfers_with_payer_from_dbtr_pty() {
        List<StatementEntry> entries = Camt053Reader.read(fixture(
                "statement-001.08.xml",
                "RUN",
                "r2",
                "PAYER",
                "Hanse Kontor GmbH",
                "B",
                "RE-2037-000002",
                "D",
                "RE-2037-000004"));

        assertThat(entries).hasSize(2);
        assertThat(entries)
                .extracting(StatementEntry::entryKey)
                .containsExactly("DE02120300000000202051|r2-B1/1", "DE02120300000000202051|r2-B1/2");
        assertThat(entries)
                .extracting(StatementEntry::amount)
                .containsExactly(new BigDecimal("238.00"), new BigDecimal("462.00"));
        assertThat(entries).extracting(StatementEntry::payerName).containsOnly("Hanse Kontor GmbH");
        assertThat(entries).extracting(StatementEntry::endToEndId).containsExactly("E2E-r2-B1-1", "E2E-r2-B1-2");
        assertThat(entries.get(1).remittance()).isEqualTo("Rest RE-2037-000002");
        assertThat(entries).allMatch(StatementEntry::booked, "Sts/Cd BOOK");
    }

    @Test
    void a_later_version_with_a_return_a_date_time_escaped_text_and_an_account_by_other_id_is_read() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.13"><BkToCstmrStmt>
                <GrpHdr><MsgId>M</MsgId><CreDtTm>2037-03-03T06:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>S-13</Id><Acct><Id><Othr><Id>1234567</Id></Othr></Id></Acct>
                <Ntry><Amt Ccy="EUR">50.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><DtTm>2037-03-03T10:15:00+01:00</DtTm></BookgDt><NtryDtls><TxDtls>
                <Refs><EndToEndId>E2E-7</EndToEndId></Refs><RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>
                <RmtInf><Ustrd>M&amp;M &lt;Rueckgabe&gt;</Ustrd><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
                </TxDtls></NtryDtls></Ntry>
                <Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>
                <BookgDt><Dt>2037-03-03</Dt></BookgDt></Ntry>
                </Stmt></BkToCstmrStmt></Document>
                """;

        List<StatementEntry> entries = Camt053Reader.read(xml);

        assertThat(entries).hasSize(2);
        StatementEntry returned = entries.get(0);
        assertThat(returned.accountIban()).isEqualTo("1234567");
        assertThat(returned.entryKey()).isEqualTo("1234567|S-13#1");
        assertThat(returned.credit()).isFalse();
        assertThat(returned.bookingDate()).isEqualTo(LocalDate.of(2037, 3, 3));
        assertThat(returned.valueDate()).as("no ValDt: the booking date").isEqualTo(LocalDate.of(2037, 3, 3));
        assertThat(returned.returnInfo()).isEqualTo("return (AC04)");
        assertThat(returned.endToEndId()).isEqualTo("E2E-7");
        assertThat(returned.remittance()).isEqualTo("M&M <Rueckgabe> RF18539007547034");
        assertThat(entries.get(1).booked()).as("Sts PDNG").isFalse();
    }

    /**
     * Every version Prowide's model offered (001.02 to 001.13) is read by the same element names: the status became a
     * code choice in 001.09 ({@code <Sts><Cd>}), the debtor a party choice in 001.08 ({@code <Dbtr><Pty><Nm>}).
     */
    @ParameterizedTest(name = "camt.053.001.{0}")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
    void every_version_from_001_02_to_001_13_is_read(int version) {
        String status = version >= 9 ? "<Sts><Cd>BOOK</Cd></Sts>" : "<Sts>BOOK</Sts>";
        String debtor = version >= 8
                ? "<Dbtr><Pty><Nm>Hanse Kontor GmbH</Nm></Pty></Dbtr>"
                : "<Dbtr><Nm>Hanse Kontor GmbH</Nm></Dbtr>";
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.%02d"><BkToCstmrStmt>
                <GrpHdr><MsgId>M</MsgId><CreDtTm>2037-03-03T06:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>S-%d</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>
                <Ntry><NtryRef>N1</NtryRef><Amt Ccy="EUR">1190.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>%s
                <BookgDt><Dt>2037-03-02</Dt></BookgDt><ValDt><Dt>2037-03-01</Dt></ValDt><AcctSvcrRef>R-%d</AcctSvcrRef>
                <NtryDtls><TxDtls><Refs><EndToEndId>E2E-%d</EndToEndId></Refs><RltdPties>%s</RltdPties>
                <RmtInf><Ustrd>Rechnung RE-2037-000001</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                </Stmt></BkToCstmrStmt></Document>
                """.formatted(version, version, status, version, version, debtor);

        List<StatementEntry> entries = Camt053Reader.read(xml);

        assertThat(entries).hasSize(1);
        StatementEntry entry = entries.get(0);
        assertThat(entry.entryKey()).isEqualTo("DE02120300000000202051|R-" + version);
        assertThat(entry.statementId()).isEqualTo("S-" + version);
        assertThat(entry.amount()).isEqualByComparingTo(new BigDecimal("1190.00"));
        assertThat(entry.currency()).isEqualTo("EUR");
        assertThat(entry.credit()).isTrue();
        assertThat(entry.booked()).isTrue();
        assertThat(entry.bookingDate()).isEqualTo(LocalDate.of(2037, 3, 2));
        assertThat(entry.valueDate()).isEqualTo(LocalDate.of(2037, 3, 1));
        assertThat(entry.payerName()).isEqualTo("Hanse Kontor GmbH");
        assertThat(entry.endToEndId()).isEqualTo("E2E-" + version);
        assertThat(entry.remittance()).isEqualTo("Rechnung RE-2037-000001");
    }

    @Test
    void the_stream_hands_over_entries_one_by_one_as_it_reads() {
        StringBuilder xml = new StringBuilder("""
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <Stmt><Id>S</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>""");
        for (int i = 1; i <= 3; i++) {
            xml.append("<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><AcctSvcrRef>R")
                    .append(i)
                    .append("</AcctSvcrRef></Ntry>");
        }
        // Broken after the third entry: the first three were handed over before the reader got there.
        xml.append("<Ntry><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>");
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> Camt053Reader.read(
                        new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)),
                        entry -> seen.add(entry.entryKey())))
                .isInstanceOf(Camt053Reader.UnreadableStatement.class)
                .hasMessageContaining("entry 4 of statement S has no amount");
        assertThat(seen).hasSize(3);
    }

    @Test
    void other_messages_and_the_first_version_are_refused_by_name() {
        assertThatThrownBy(
                        () -> Camt053Reader.read(
                                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn/></Document>"))
                .isInstanceOf(Camt053Reader.UnreadableStatement.class)
                .hasMessageContaining("pain.001.001.03");
        assertThatThrownBy(
                        () -> Camt053Reader.read(
                                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.01\"><BkToCstmrStmt/></Document>"))
                .isInstanceOf(Camt053Reader.UnreadableStatement.class)
                .hasMessageContaining("camt.053.001.01");
        assertThatThrownBy(() -> Camt053Reader.read("not xml at all"))
                .isInstanceOf(Camt053Reader.UnreadableStatement.class);
    }

    private String fixture(String name, String... values) {
        try (InputStream in = getClass().getResourceAsStream("/camt053/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (int i = 0; i < values.length; i += 2) {
                text = text.replace("${" + values[i] + "}", values[i + 1]);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
