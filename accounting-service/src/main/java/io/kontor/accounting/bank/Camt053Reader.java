package io.kontor.accounting.bank;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads ISO 20022 camt.053 bank statements (BankToCustomerStatement, versions 001.02 and newer) as a stream (#23): a
 * StAX pass over the document that builds a small tree of one {@code Ntry} at a time and hands its entries to the
 * caller, so a statement of any size needs the memory of one entry. The element names this reader needs — Stmt, Ntry,
 * Amt, CdtDbtInd, ValDt, NtryDtls/TxDtls, RmtInf/Ustrd, RltdPties/Dbtr/Nm — are the same in every version, so one
 * reader by element name reads them all (it replaced Prowide's JAXB model, which held the whole statement in memory at
 * about ten times its size and cost seconds of cold start). Debit entries are read like credits (amount, CdtDbtInd,
 * EndToEndId, remittance, booking and value date): cash application skips them, others may not.
 */
public final class Camt053Reader {

    private static final Pattern CAMT053 = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.053\\.001\\.(\\d+)");
    private static final Pattern ISO20022 =
            Pattern.compile("urn:iso:std:iso:20022:tech:xsd:([a-z]+\\.\\d+\\.\\d+\\.\\d+)");

    private static final Pattern DOCTYPE = Pattern.compile("<!(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);
    /** How much of the body's start is searched for a DOCTYPE: the prolog of any real statement is far shorter. */
    private static final int PROLOG = 64 * 1024;

    private static final XMLInputFactory FACTORY = factory();

    private Camt053Reader() {}

    /** Thrown for a body that is not a readable camt.053 statement. */
    public static class UnreadableStatement extends RuntimeException {
        public UnreadableStatement(String message) {
            super(message);
        }
    }

    /** The whole statement as a list; for small statements and tests. */
    public static List<StatementEntry> read(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new UnreadableStatement("the body is empty");
        }
        List<StatementEntry> entries = new ArrayList<>();
        read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), entries::add);
        return entries;
    }

    /**
     * Streams the statement's entries to {@code sink} in document order, one {@code Ntry} (or one transfer of a batch
     * booking) at a time. Throws {@link UnreadableStatement} at the first thing that is not a readable camt.053
     * statement; entries before it have been handed over already, so a caller that must not act on a broken statement
     * reads it once to validate first.
     */
    public static void read(InputStream body, Consumer<StatementEntry> sink) {
        InputStream in = body.markSupported() ? body : new BufferedInputStream(body, PROLOG);
        refuseDoctype(in);
        XMLStreamReader xml;
        try {
            xml = FACTORY.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw new UnreadableStatement("the body is not well-formed ISO 20022 XML");
        }
        try {
            readDocument(xml, sink);
        } catch (XMLStreamException e) {
            throw new UnreadableStatement(
                    e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                            ? "a bank statement carries no DOCTYPE or entity declarations"
                            : "the body is not well-formed ISO 20022 XML");
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing held open beyond the stream, which the caller closes
            }
        }
    }

    /**
     * A bank statement has no document type declaration; one can only be there to define entities (XXE, billion
     * laughs). It stands before the root element, so the start of the body is searched for one, in any spelling (a
     * lower-case one is not even XML, but must be refused as what it is), before any parser sees it (issue #24); the
     * parser refuses one further on, too.
     */
    private static void refuseDoctype(InputStream in) {
        try {
            in.mark(PROLOG);
            byte[] start = in.readNBytes(PROLOG);
            in.reset();
            if (DOCTYPE.matcher(new String(start, StandardCharsets.ISO_8859_1)).find()) {
                throw new UnreadableStatement("a bank statement carries no DOCTYPE or entity declarations");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the statement", e);
        }
    }

    private static void readDocument(XMLStreamReader xml, Consumer<StatementEntry> sink) throws XMLStreamException {
        boolean sawRoot = false;
        boolean sawStatements = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_DECLARATION) {
                // A bank statement has no document type declaration; one can only be there to define entities (XXE,
                // billion laughs). Refused before anything in it is resolved (issue #24).
                throw new UnreadableStatement("a bank statement carries no DOCTYPE or entity declarations");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new UnreadableStatement("a bank statement carries no DOCTYPE or entity declarations");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (!sawRoot) {
                sawRoot = true;
                requireCamt053(xml.getNamespaceURI(), name);
            }
            if (name.equals("BkToCstmrStmt")) {
                sawStatements = true;
                readStatements(xml, sink);
            }
        }
        if (!sawRoot) {
            throw new UnreadableStatement("the body is empty");
        }
        if (!sawStatements) {
            throw new UnreadableStatement("the statement has no BkToCstmrStmt");
        }
    }

    private static void requireCamt053(String namespace, String root) {
        Matcher camt = CAMT053.matcher(namespace == null ? "" : namespace);
        if (camt.matches()) {
            if (Integer.parseInt(camt.group(1)) < 2) {
                throw new UnreadableStatement("the body is camt.053.001." + camt.group(1)
                        + ", not a camt.053.001.02 or newer bank statement");
            }
            return;
        }
        Matcher other = ISO20022.matcher(namespace == null ? "" : namespace);
        throw new UnreadableStatement("the body is " + (other.matches() ? other.group(1) : "<" + root + ">")
                + ", not a camt.053.001.02 or newer bank statement");
    }

    /** Inside BkToCstmrStmt: each Stmt, its header elements as small trees, then its entries one by one. */
    private static void readStatements(XMLStreamReader xml, Consumer<StatementEntry> sink) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && xml.getLocalName().equals("Stmt")) {
                    readStatement(xml, sink);
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new UnreadableStatement("a bank statement carries no DOCTYPE or entity declarations");
            }
        }
    }

    private static void readStatement(XMLStreamReader xml, Consumer<StatementEntry> sink) throws XMLStreamException {
        Node header = new Node("Stmt");
        int position = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new UnreadableStatement("a bank statement carries no DOCTYPE or entity declarations");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            Node child = Node.read(xml);
            if (child.name.equals("Ntry")) {
                position++;
                String statementId = header.text("Id");
                String iban = header.text("Acct", "Id", "IBAN");
                if (iban == null) {
                    iban = header.text("Acct", "Id", "Othr", "Id");
                }
                entriesOf(child, iban, statementId, position).forEach(sink);
            } else {
                header.children.add(child);
            }
        }
    }

    private static List<StatementEntry> entriesOf(Node entry, String iban, String statementId, int position) {
        Node amount = entry.child("Amt");
        if (amount == null || value(amount) == null) {
            throw new UnreadableStatement("entry " + position + " of statement " + statementId + " has no amount");
        }
        boolean credit = "CRDT".equals(entry.text("CdtDbtInd"));
        String status = entry.text("Sts");
        boolean booked = status == null || "BOOK".equals(status);
        LocalDate bookingDate = date(entry.child("BookgDt"));
        LocalDate valueDate = date(entry.child("ValDt"));
        String bankReference = entry.text("AcctSvcrRef");
        String key = (iban == null ? "?" : iban) + "|"
                + (bankReference != null
                        ? bankReference
                        : statementId + "#" + firstNonNull(entry.text("NtryRef"), "" + position));
        List<Node> transactions = new ArrayList<>();
        for (Node details : entry.list("NtryDtls")) {
            transactions.addAll(details.list("TxDtls"));
        }
        String entryInfo = entry.text("AddtlNtryInf");
        // RvslInd: the entry reverses an earlier one (a returned transfer, a chargeback).
        boolean reversed = "true".equalsIgnoreCase(entry.text("RvslInd"));
        if (transactions.size() <= 1) {
            Node transaction = transactions.isEmpty() ? null : transactions.get(0);
            return List.of(new StatementEntry(
                    key,
                    iban,
                    statementId,
                    bookingDate,
                    valueDate == null ? bookingDate : valueDate,
                    value(amount),
                    currency(amount),
                    credit,
                    booked,
                    payer(transaction),
                    remittance(transaction, entryInfo),
                    endToEndId(transaction),
                    returnInfo(transaction, reversed)));
        }
        // A batch booking: one entry, several transfers, each with its own amount, payer and remittance.
        List<StatementEntry> split = new ArrayList<>();
        int index = 0;
        for (Node transaction : transactions) {
            index++;
            Node txAmount = firstNonNull(transaction.child("Amt"), transaction.path("AmtDtls", "TxAmt", "Amt"));
            if (txAmount == null || value(txAmount) == null) {
                throw new UnreadableStatement(
                        "transaction " + index + " of batch entry " + position + " has no amount");
            }
            split.add(new StatementEntry(
                    key + "/" + index,
                    iban,
                    statementId,
                    bookingDate,
                    valueDate == null ? bookingDate : valueDate,
                    value(txAmount),
                    currency(txAmount),
                    credit,
                    booked,
                    payer(transaction),
                    remittance(transaction, entryInfo),
                    endToEndId(transaction),
                    returnInfo(transaction, reversed)));
        }
        return split;
    }

    /** The payer's end-to-end reference; "NOTPROVIDED" (SEPA's placeholder) is none. */
    private static String endToEndId(Node transaction) {
        String id = transaction == null ? null : transaction.text("Refs", "EndToEndId");
        return id == null || id.isBlank() || "NOTPROVIDED".equalsIgnoreCase(id.strip()) ? null : id.strip();
    }

    /** Why money came back (RtrInf reason code, or the reversal indicator), or null for an ordinary movement. */
    private static String returnInfo(Node transaction, boolean reversed) {
        Node info = transaction == null ? null : transaction.child("RtrInf");
        if (info != null) {
            String reason = info.text("Rsn");
            return "return" + (reason == null ? "" : " (" + reason + ")");
        }
        return reversed ? "reversal (RvslInd)" : null;
    }

    /**
     * The debtor's name: Dbtr/Nm up to 001.07, Dbtr/Pty/Nm from 001.08 on; the ultimate debtor if no debtor is named.
     */
    private static String payer(Node transaction) {
        if (transaction == null) {
            return null;
        }
        for (String role : List.of("Dbtr", "UltmtDbtr")) {
            Node party = transaction.path("RltdPties", role);
            if (party == null) {
                continue;
            }
            String name = firstNonNull(party.text("Nm"), party.text("Pty", "Nm"));
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
        }
        return null;
    }

    /**
     * Unstructured remittance lines, structured creditor references, and the entry's additional information, in one
     * text.
     */
    private static String remittance(Node transaction, String entryInfo) {
        List<String> parts = new ArrayList<>();
        if (transaction != null) {
            Node information = transaction.child("RmtInf");
            if (information != null) {
                for (Node line : information.list("Ustrd")) {
                    parts.add(line.text());
                }
                for (Node structured : information.list("Strd")) {
                    parts.add(structured.text("CdtrRefInf", "Ref"));
                }
            }
            parts.add(transaction.text("AddtlTxInf"));
        }
        parts.add(entryInfo);
        String text = parts.stream()
                .filter(part -> part != null && !part.isBlank())
                .map(String::strip)
                .collect(Collectors.joining(" "));
        return text.isEmpty() ? null : text;
    }

    private static BigDecimal value(Node amount) {
        String text = amount.text();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new UnreadableStatement("the amount '" + text.strip() + "' is not a decimal number");
        }
    }

    private static String currency(Node amount) {
        return amount.attributes.get("Ccy");
    }

    /** A DateAndDateTimeChoice: Dt, or DtTm whose date part is the day. */
    private static LocalDate date(Node choice) {
        if (choice == null) {
            return null;
        }
        String value = firstNonNull(choice.text("Dt"), choice.text("DtTm"));
        if (value == null) {
            return null;
        }
        String day = value.strip();
        try {
            return LocalDate.parse(day.length() > 10 ? day.substring(0, 10) : day);
        } catch (DateTimeParseException e) {
            throw new UnreadableStatement("the date '" + day + "' is not an ISO date");
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // No DTD processing and no external anything: a DOCTYPE is refused as an event (above), entities never
        // resolved (issue #24).
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** One element of an entry or a statement header: its local name, attributes, text and child elements. */
    private static final class Node {
        final String name;
        final Map<String, String> attributes = new HashMap<>(2);
        final List<Node> children = new ArrayList<>(4);
        StringBuilder text;

        Node(String name) {
            this.name = name;
        }

        /** Reads the element the reader stands on (START_ELEMENT) up to its END_ELEMENT. */
        static Node read(XMLStreamReader xml) throws XMLStreamException {
            Node node = new Node(xml.getLocalName());
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                node.attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
            }
            while (true) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> node.children.add(read(xml));
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (node.text == null) {
                            node.text = new StringBuilder();
                        }
                        node.text.append(xml.getText());
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new UnreadableStatement("a bank statement carries no DOCTYPE or entity declarations");
                    case XMLStreamConstants.END_ELEMENT -> {
                        return node;
                    }
                    default -> {
                        // comments, whitespace, processing instructions
                    }
                }
            }
        }

        Node child(String childName) {
            for (Node child : children) {
                if (child.name.equals(childName)) {
                    return child;
                }
            }
            return null;
        }

        List<Node> list(String childName) {
            List<Node> found = new ArrayList<>(1);
            for (Node child : children) {
                if (child.name.equals(childName)) {
                    found.add(child);
                }
            }
            return found;
        }

        Node path(String... names) {
            Node current = this;
            for (String childName : names) {
                current = current.child(childName);
                if (current == null) {
                    return null;
                }
            }
            return current;
        }

        /** The text of the element at {@code names} below this one; for a code choice, its Cd or Prtry. */
        String text(String... names) {
            Node node = path(names);
            return node == null ? null : node.text();
        }

        /** A leaf's text, or, for a choice of code ({@code Cd}) and proprietary text ({@code Prtry}), the one given. */
        String text() {
            if (children.isEmpty()) {
                return text == null ? null : text.toString().strip();
            }
            Node choice = firstNonNull(child("Cd"), child("Prtry"));
            return choice == null ? null : choice.text();
        }
    }
}
