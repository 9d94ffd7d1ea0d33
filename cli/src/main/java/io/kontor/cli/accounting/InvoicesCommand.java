package io.kontor.cli.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.Gateway;
import io.kontor.cli.ListCommand;
import io.kontor.cli.Output;
import io.kontor.cli.Table;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "invoices",
        description = "Invoices, payments, bank statements and dunning of accounting.",
        subcommands = {
            InvoicesCommand.ListInvoices.class,
            InvoicesCommand.Show.class,
            InvoicesCommand.Pdf.class,
            InvoicesCommand.XRechnung.class,
            InvoicesCommand.Pay.class,
            InvoicesCommand.ImportStatement.class,
            InvoicesCommand.DunningRun.class,
            InvoicesCommand.Dispute.class,
            InvoicesCommand.ResolveDispute.class,
            InvoicesCommand.DunningNotice.class,
            InvoicesCommand.OpenItems.class
        })
public final class InvoicesCommand {

    static final List<Column> COLUMNS = List.of(
            Column.of("ID", "id").whole(),
            Column.of("NUMBER", "invoiceNumber").whole(),
            Column.of("STATUS", "status").whole(),
            Column.of("DUE", "dueDate").whole().dispensable(1),
            Column.of("LVL", "dunningLevel").amount().dispensable(2),
            Column.of("OPEN", "openAmount").amount());
    /** Overdue invoices all wait for money: their due date and dunning level say more than their status. */
    static final List<Column> OVERDUE_COLUMNS = List.of(
            Column.of("ID", "id").whole(),
            Column.of("NUMBER", "invoiceNumber").whole(),
            Column.of("DUE", "dueDate").whole(),
            Column.of("LVL", "dunningLevel").amount(),
            Column.of("OPEN", "openAmount").amount());

    // The largest page accounting serves (kontor.accounting.page-size-limit).
    static final int ALL_AT_ONCE = 200;

    @Command(
            name = "list",
            description = {
                "Lists invoices.",
                "--overdue reads every page and keeps the overdue ones (API.md has no overdue filter)."
            })
    static final class ListInvoices extends ListCommand {
        @Option(names = "--overdue", description = "only invoices past their due date and not paid")
        boolean overdue;

        @Option(names = "--customer", paramLabel = "CUSTOMER_ID")
        String customerId;

        @Option(names = "--status", description = "DRAFT, ISSUED, PARTIALLY_PAID, PAID, CANCELLED")
        String status;

        @Override
        protected void run() {
            if (!overdue) {
                list("/accounting/invoices", COLUMNS, "customerId", customerId, "status", status);
                return;
            }
            ArrayNode items = Gateway.JSON.createArrayNode();
            for (int page = 0; ; page++) {
                JsonNode answer = gateway()
                        .get(
                                "/accounting/invoices",
                                Gateway.query(
                                        "customerId", customerId, "status", status, "page", page, "size", ALL_AT_ONCE));
                answer.path("items").forEach(invoice -> {
                    if (invoice.path("overdue").asBoolean(false)) {
                        items.add(invoice);
                    }
                });
                long seen = (long) (page + 1) * ALL_AT_ONCE;
                if (answer.path("items").size() < ALL_AT_ONCE
                        || seen >= answer.path("total").asLong(0)) {
                    break;
                }
            }
            ObjectNode overdueOnes = body();
            overdueOnes.set("items", items);
            overdueOnes.put("total", items.size());
            output().list(overdueOnes, OVERDUE_COLUMNS);
        }
    }

    @Command(name = "show", description = "Shows an invoice with its lines and amounts.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "INVOICE_ID")
        String id;

        @Override
        protected void run() {
            output().object(gateway().get("/accounting/invoices/" + id));
        }
    }

    @Command(name = "pdf", description = "Downloads the invoice as PDF.")
    static final class Pdf extends ApiCommand {
        @Parameters(paramLabel = "INVOICE_ID")
        String id;

        @Option(
                names = {"-f", "--file"},
                description = "where to save it (- for stdout)")
        Path file;

        @Override
        protected void run() throws IOException {
            save(
                    gateway().document("/accounting/invoices/" + id + "/pdf", "application/pdf"),
                    file,
                    "invoice-" + id + ".pdf");
        }
    }

    @Command(
            name = "xrechnung",
            description = "Downloads the invoice as XRechnung (EN 16931 XML) for public-sector customers.")
    static final class XRechnung extends ApiCommand {
        @Parameters(paramLabel = "INVOICE_ID")
        String id;

        @Option(
                names = {"-f", "--file"},
                description = "where to save it (- for stdout)")
        Path file;

        @Override
        protected void run() throws IOException {
            save(
                    gateway().document("/accounting/invoices/" + id + "/xrechnung", "application/xml"),
                    file,
                    "invoice-" + id + "-xrechnung.xml");
        }
    }

    @Command(name = "pay", description = "Books a payment against an invoice.")
    static final class Pay extends ApiCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--amount", required = true, description = "e.g. 119.00")
        BigDecimal amount;

        @Option(names = "--value-date", description = "day the money arrived (default: today)")
        LocalDate valueDate;

        @Option(names = "--payer", required = true, description = "payer's name as on the statement")
        String payer;

        static final class Target {
            @Option(names = "--invoice-number", required = true, description = "e.g. RE-2026-000042")
            String invoiceNumber;

            @Option(names = "--reference", required = true, description = "remittance text, when the number is unknown")
            String reference;
        }

        @Override
        protected void run() {
            ObjectNode payment = body();
            if (target.invoiceNumber != null) {
                payment.put("invoiceNumber", target.invoiceNumber);
            } else {
                payment.put("reference", target.reference);
            }
            LocalDate day = valueDate != null ? valueDate : LocalDate.now(kontor().clock());
            payment.put("amount", amount).put("valueDate", day.toString()).put("payerName", payer);
            JsonNode booked = gateway().post("/accounting/payments", payment);
            output().done("Booked " + amount.toPlainString() + " from " + payer + ".", booked);
        }
    }

    @Command(
            name = "import-statement",
            description = "Imports a bank statement (ISO 20022 camt.053 XML) and matches its entries.")
    static final class ImportStatement extends ApiCommand {
        @Parameters(paramLabel = "FILE", description = "the camt.053 file from the bank")
        Path file;

        static final List<Column> MATCHED = List.of(
                Column.of("INVOICE", "invoiceNumber").whole(),
                Column.of("AMOUNT", "amount").amount());

        @Override
        protected void run() {
            byte[] statement;
            try {
                statement = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw CommandFailure.usage("no such file: " + file, e);
            } catch (IOException e) {
                throw CommandFailure.usage("cannot read " + file + ": " + e.getMessage(), e);
            }
            JsonNode result = gateway().post("/accounting/bank-statements", statement, "application/xml");
            if (output().format() != Output.Format.table) {
                output().data(result);
                return;
            }
            output().line(result.path("entries").asText("?") + " entries, "
                    + result.path("matched").size() + " matched, "
                    + result.path("unmatched").size() + " unmatched.");
            if (!result.path("matched").isEmpty()) {
                output().list(result.path("matched"), MATCHED);
            }
            if (!result.path("unmatched").isEmpty()) {
                output().line("Unmatched:");
                result.path("unmatched")
                        .forEach(entry -> output().line("  " + Table.cell(entry, "amount") + "  "
                                + Table.cell(entry, "payerName") + "  " + Table.cell(entry, "reference")));
            }
        }
    }

    @Command(
            name = "dunning-run",
            description = "Runs dunning now (it also runs daily by itself) and lists the notices.")
    static final class DunningRun extends ApiCommand {
        @Option(names = "--as-of", description = "the day to dun as of (default: today)")
        LocalDate asOf;

        static final List<Column> NOTICES = List.of(
                Column.of("INVOICE", "invoiceNumber").whole(),
                Column.of("LEVEL", "level").amount(),
                Column.of("FEE", "fee").amount(),
                Column.of("INTEREST", "interest").amount());

        @Override
        protected void run() {
            LocalDate day = asOf != null ? asOf : LocalDate.now(kontor().clock());
            JsonNode run = gateway().post("/accounting/dunning-runs", body().put("asOf", day.toString()));
            if (output().format() != Output.Format.table) {
                output().data(run);
                return;
            }
            output().line("Dunning as of " + day + ": " + run.path("notices").size() + " notices.");
            if (!run.path("notices").isEmpty()) {
                output().list(run.path("notices"), NOTICES);
            }
        }
    }

    @Command(
            name = "dispute",
            description = "Records that the customer disputes an invoice: dunning pauses until resolved.")
    static final class Dispute extends ApiCommand {
        @Parameters(paramLabel = "INVOICE_ID")
        String id;

        @Option(names = "--reason", required = true, description = "what the customer objects to")
        String reason;

        @Override
        protected void run() {
            JsonNode invoice = gateway().post("/accounting/invoices/" + id + "/dispute", body().put("reason", reason));
            output().done(
                            "Invoice " + invoice.path("invoiceNumber").asText(id) + " is disputed; dunning pauses.",
                            invoice);
        }
    }

    @Command(
            name = "resolve-dispute",
            description = "Resolves the dispute of an invoice: dunning resumes at its level.")
    static final class ResolveDispute extends ApiCommand {
        @Parameters(paramLabel = "INVOICE_ID")
        String id;

        @Override
        protected void run() {
            JsonNode invoice = gateway().post("/accounting/invoices/" + id + "/dispute/resolve", null);
            output().done(
                            "Dispute of invoice "
                                    + invoice.path("invoiceNumber").asText(id) + " resolved; dunning resumes at level "
                                    + invoice.path("dunningLevel").asText("?") + ".",
                            invoice);
        }
    }

    @Command(
            name = "dunning-notice",
            description = "Downloads a reminder (level 1) or dunning notice (levels 2, 3) as PDF.")
    static final class DunningNotice extends ApiCommand {
        @Parameters(paramLabel = "INVOICE_ID")
        String id;

        @Option(names = "--level", required = true, description = "1 reminder, 2 and 3 dunning notices")
        int level;

        @Option(
                names = {"-f", "--file"},
                description = "where to save it (- for stdout)")
        Path file;

        @Override
        protected void run() throws IOException {
            save(
                    gateway()
                            .document(
                                    "/accounting/invoices/" + id + "/dunning-notices/" + level + "/pdf",
                                    "application/pdf"),
                    file,
                    "invoice-" + id + "-dunning-" + level + ".pdf");
        }
    }

    @Command(
            name = "open-items",
            description = {
                "Open items across customers with their age (days past due) and DSO.",
                "--csv FILE saves the report as CSV instead (- for stdout)."
            })
    static final class OpenItems extends ApiCommand {
        @Option(names = "--csv", paramLabel = "FILE", description = "save as CSV (- for stdout)")
        Path csv;

        static final List<Column> ITEMS = List.of(
                Column.of("NUMBER", "invoiceNumber").whole(),
                Column.of("CUSTOMER", "customerName"),
                Column.of("DUE", "dueDate").whole().dispensable(1),
                Column.of("DAYS", "daysPastDue").amount(),
                Column.of("BUCKET", "bucket").whole(),
                Column.of("LVL", "dunningLevel").amount().dispensable(2),
                Column.of("TOTAL", "total").amount());

        @Override
        protected void run() throws IOException {
            if (csv != null) {
                save(gateway().document("/accounting/reports/open-items.csv", "text/csv"), csv, "open-items.csv");
                return;
            }
            JsonNode report = gateway().get("/accounting/reports/open-items");
            if (output().format() != Output.Format.table) {
                output().data(report);
                return;
            }
            JsonNode buckets = report.path("buckets");
            output().line("Open items as of " + report.path("asOf").asText() + ": "
                    + report.path("totalOpen").asText()
                    + " " + report.path("currency").asText() + "; not due "
                    + buckets.path("NOT_DUE").asText()
                    + ", 0-30 " + buckets.path("DAYS_0_30").asText() + ", 31-60 "
                    + buckets.path("DAYS_31_60").asText() + ", 61-90 "
                    + buckets.path("DAYS_61_90").asText()
                    + ", >90 " + buckets.path("OVER_90").asText() + "; DSO "
                    + (report.path("dsoDays").isNull()
                            ? "-"
                            : report.path("dsoDays").asText()) + " days.");
            if (!report.path("items").isEmpty()) {
                output().list(report.path("items"), ITEMS);
            }
        }
    }
}
