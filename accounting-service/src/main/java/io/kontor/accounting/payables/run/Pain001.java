package io.kontor.accounting.payables.run;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A SEPA credit transfer initiation, ISO 20022 pain.001.001.09 (the version the German banks' DFÜ agreement, Anlage 3,
 * requires from November 2025): one payment instruction from our account, one transaction per invoice, each with its
 * own EndToEndId, so that the bank statement's debit names the invoice it paid. Batch booking is off: the statement
 * then shows every transfer as its own entry.
 */
public final class Pain001 {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    /** The debtor: us. */
    public record Debtor(String name, String iban, String bic) {}

    /** One transfer. */
    public record Transfer(
            String endToEndId, BigDecimal amount, String currency, String name, String iban, String bic, String text) {}

    private Pain001() {}

    public static String write(
            String messageId, Instant created, LocalDate executionDate, Debtor debtor, List<Transfer> transfers) {
        BigDecimal sum = transfers.stream().map(Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Document");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("CstmrCdtTrfInitn");

            xml.writeStartElement("GrpHdr");
            text(xml, "MsgId", messageId);
            text(
                    xml,
                    "CreDtTm",
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            created.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
            text(xml, "NbOfTxs", String.valueOf(transfers.size()));
            text(xml, "CtrlSum", sum.toPlainString());
            xml.writeStartElement("InitgPty");
            text(xml, "Nm", sepa(debtor.name(), 70));
            xml.writeEndElement();
            xml.writeEndElement();

            xml.writeStartElement("PmtInf");
            text(xml, "PmtInfId", messageId);
            text(xml, "PmtMtd", "TRF");
            text(xml, "BtchBookg", "false");
            text(xml, "NbOfTxs", String.valueOf(transfers.size()));
            text(xml, "CtrlSum", sum.toPlainString());
            xml.writeStartElement("PmtTpInf");
            xml.writeStartElement("SvcLvl");
            text(xml, "Cd", "SEPA");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("ReqdExctnDt");
            text(xml, "Dt", executionDate.toString());
            xml.writeEndElement();
            xml.writeStartElement("Dbtr");
            text(xml, "Nm", sepa(debtor.name(), 70));
            xml.writeEndElement();
            account(xml, "DbtrAcct", debtor.iban());
            agent(xml, "DbtrAgt", debtor.bic());
            text(xml, "ChrgBr", "SLEV");
            for (Transfer transfer : transfers) {
                xml.writeStartElement("CdtTrfTxInf");
                xml.writeStartElement("PmtId");
                text(xml, "EndToEndId", transfer.endToEndId());
                xml.writeEndElement();
                xml.writeStartElement("Amt");
                xml.writeStartElement("InstdAmt");
                xml.writeAttribute("Ccy", transfer.currency());
                xml.writeCharacters(transfer.amount().toPlainString());
                xml.writeEndElement();
                xml.writeEndElement();
                if (transfer.bic() != null && !transfer.bic().isBlank()) {
                    agent(xml, "CdtrAgt", transfer.bic());
                }
                xml.writeStartElement("Cdtr");
                text(xml, "Nm", sepa(transfer.name(), 70));
                xml.writeEndElement();
                account(xml, "CdtrAcct", transfer.iban());
                xml.writeStartElement("RmtInf");
                text(xml, "Ustrd", sepa(transfer.text(), 140));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void account(XMLStreamWriter xml, String element, String iban) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("Id");
        text(xml, "IBAN", iban);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void agent(XMLStreamWriter xml, String element, String bic) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeStartElement("FinInstnId");
        text(xml, "BICFI", bic);
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    /**
     * The SEPA character set (EPC Implementation Guidelines, 1.4: Latin letters, digits, / - ? : ( ) . , ' + and
     * space): umlauts written out, anything else a space; cut to the field's length.
     */
    static String sepa(String text, int max) {
        String replaced = text.replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("Ä", "Ae")
                .replace("Ö", "Oe")
                .replace("Ü", "Ue")
                .replace("ß", "ss")
                .replace("&", "+");
        String plain = Normalizer.normalize(replaced, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String allowed = plain.replaceAll("[^A-Za-z0-9/\\-?:().,'+ ]", " ").strip();
        return allowed.length() <= max ? allowed : allowed.substring(0, max);
    }
}
