package io.kontor.accounting.bank;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads ISO 20022 camt.053 bank statements (BankToCustomerStatement, versions 001.02 and newer) with Prowide's parser
 * and model. Each version has its own generated classes (AccountStatement2, AccountStatement9, …), but the element
 * names this reader needs — Stmt, Ntry, Amt, CdtDbtInd, ValDt, NtryDtls/TxDtls, RmtInf/Ustrd, RltdPties/Dbtr/Nm — are
 * the same in every version, and Prowide names its getters after them. So the model is walked by element name, which
 * reads every version Prowide knows instead of one version per hand-written mapping.
 */
public final class Camt053Reader {

    private static final java.util.regex.Pattern DOCTYPE =
            java.util.regex.Pattern.compile("<!(DOCTYPE|ENTITY)", java.util.regex.Pattern.CASE_INSENSITIVE);

    private Camt053Reader() {}

    /** Thrown for a body that is not a readable camt.053 statement. */
    public static class UnreadableStatement extends RuntimeException {
        public UnreadableStatement(String message) {
            super(message);
        }
    }

    public static List<StatementEntry> read(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new UnreadableStatement("the body is empty");
        }
        // A bank statement has no document type declaration; one can only be there to define entities (XXE, billion
        // laughs). Refused before any parser sees it, whatever the parser's own settings (issue #24).
        if (DOCTYPE.matcher(xml).find()) {
            throw new UnreadableStatement("a bank statement carries no DOCTYPE or entity declarations");
        }
        AbstractMX message;
        try {
            message = AbstractMX.parse(xml);
        } catch (RuntimeException e) {
            throw new UnreadableStatement("the body is not well-formed ISO 20022 XML");
        }
        if (message == null) {
            throw new UnreadableStatement("the body is not an ISO 20022 message Prowide knows");
        }
        String type = message.getClass().getSimpleName();
        if (!type.startsWith("MxCamt053") || type.equals("MxCamt05300101")) {
            throw new UnreadableStatement(
                    "the body is " + message.getMxId().id() + ", not a camt.053.001.02 or newer bank statement");
        }
        Object statements = child(message, "BkToCstmrStmt");
        if (statements == null) {
            throw new UnreadableStatement("the statement has no BkToCstmrStmt");
        }
        List<StatementEntry> entries = new ArrayList<>();
        for (Object statement : list(statements, "Stmt")) {
            String statementId = text(child(statement, "Id"));
            String iban = text(path(statement, "Acct", "Id", "IBAN"));
            if (iban == null) {
                iban = text(path(statement, "Acct", "Id", "Othr", "Id"));
            }
            int position = 0;
            for (Object entry : list(statement, "Ntry")) {
                position++;
                entries.addAll(entriesOf(entry, iban, statementId, position));
            }
        }
        return entries;
    }

    private static List<StatementEntry> entriesOf(Object entry, String iban, String statementId, int position) {
        Object amount = child(entry, "Amt");
        if (amount == null || value(amount) == null) {
            throw new UnreadableStatement("entry " + position + " of statement " + statementId + " has no amount");
        }
        boolean credit = "CRDT".equals(text(child(entry, "CdtDbtInd")));
        String status = text(child(entry, "Sts"));
        boolean booked = status == null || "BOOK".equals(status);
        LocalDate bookingDate = date(child(entry, "BookgDt"));
        LocalDate valueDate = date(child(entry, "ValDt"));
        String bankReference = text(child(entry, "AcctSvcrRef"));
        String key = (iban == null ? "?" : iban) + "|"
                + (bankReference != null
                        ? bankReference
                        : statementId + "#" + firstNonNull(text(child(entry, "NtryRef")), "" + position));
        List<Object> transactions = new ArrayList<>();
        for (Object details : list(entry, "NtryDtls")) {
            transactions.addAll(list(details, "TxDtls"));
        }
        String entryInfo = text(child(entry, "AddtlNtryInf"));
        // RvslInd: the entry reverses an earlier one (a returned transfer, a chargeback).
        Object reversal = child(entry, "RvslInd");
        boolean reversed = Boolean.TRUE.equals(reversal) || "true".equalsIgnoreCase(String.valueOf(reversal));
        if (transactions.size() <= 1) {
            Object transaction = transactions.isEmpty() ? null : transactions.get(0);
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
        for (Object transaction : transactions) {
            index++;
            Object txAmount = firstNonNull(child(transaction, "Amt"), path(transaction, "AmtDtls", "TxAmt", "Amt"));
            if (txAmount == null) {
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
    private static String endToEndId(Object transaction) {
        String id = text(path(transaction, "Refs", "EndToEndId"));
        return id == null || id.isBlank() || "NOTPROVIDED".equalsIgnoreCase(id.strip()) ? null : id.strip();
    }

    /** Why money came back (RtrInf reason code, or the reversal indicator), or null for an ordinary movement. */
    private static String returnInfo(Object transaction, boolean reversed) {
        Object info = child(transaction, "RtrInf");
        if (info != null) {
            String reason = text(path(info, "Rsn"));
            return "return" + (reason == null ? "" : " (" + reason + ")");
        }
        return reversed ? "reversal (RvslInd)" : null;
    }

    /**
     * The debtor's name: Dbtr/Nm up to 001.07, Dbtr/Pty/Nm from 001.08 on; the ultimate debtor if no debtor is named.
     */
    private static String payer(Object transaction) {
        if (transaction == null) {
            return null;
        }
        for (String role : List.of("Dbtr", "UltmtDbtr")) {
            Object party = path(transaction, "RltdPties", role);
            String name = text(firstNonNull(child(party, "Nm"), path(party, "Pty", "Nm")));
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
    private static String remittance(Object transaction, String entryInfo) {
        List<String> parts = new ArrayList<>();
        if (transaction != null) {
            Object information = child(transaction, "RmtInf");
            for (Object line : list(information, "Ustrd")) {
                parts.add(text(line));
            }
            for (Object structured : list(information, "Strd")) {
                parts.add(text(path(structured, "CdtrRefInf", "Ref")));
            }
            parts.add(text(child(transaction, "AddtlTxInf")));
        }
        parts.add(entryInfo);
        String text = parts.stream()
                .filter(part -> part != null && !part.isBlank())
                .map(String::strip)
                .collect(Collectors.joining(" "));
        return text.isEmpty() ? null : text;
    }

    private static Object path(Object node, String... names) {
        Object current = node;
        for (String name : names) {
            current = child(current, name);
        }
        return current;
    }

    /** The child element {@code name}: Prowide's getter {@code get<name>()}, or null when absent. */
    private static Object child(Object node, String name) {
        if (node == null) {
            return null;
        }
        try {
            Method getter = node.getClass().getMethod("get" + name);
            return getter.invoke(node);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot read " + name + " of " + node.getClass().getName(), e);
        }
    }

    private static List<?> list(Object node, String name) {
        Object children = child(node, name);
        if (children == null) {
            return List.of();
        }
        return children instanceof Collection<?> collection ? List.copyOf(collection) : List.of(children);
    }

    /** Text of a leaf: a string, a code list value (enum), or a choice of code ({@code Cd}) and proprietary text. */
    private static String text(Object leaf) {
        if (leaf == null) {
            return null;
        }
        if (leaf instanceof String string) {
            return string;
        }
        if (leaf instanceof Enum<?> code) {
            return code.name();
        }
        Object choice = firstNonNull(child(leaf, "Cd"), child(leaf, "Prtry"));
        return choice == null ? leaf.toString() : text(choice);
    }

    private static BigDecimal value(Object amount) {
        Object value = child(amount, "Value");
        return value instanceof BigDecimal decimal ? decimal : null;
    }

    private static String currency(Object amount) {
        return text(child(amount, "Ccy"));
    }

    private static LocalDate date(Object choice) {
        Object date = child(choice, "Dt");
        if (date instanceof LocalDate local) {
            return local;
        }
        Object dateTime = child(choice, "DtTm");
        if (dateTime instanceof OffsetDateTime offset) {
            return offset.toLocalDate();
        }
        return date == null && dateTime == null
                ? null
                : LocalDate.parse(String.valueOf(firstNonNull(date, dateTime)).substring(0, 10));
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
}
