package io.kontor.cli.accounting;

import io.kontor.cli.ApiCommand;
import io.kontor.cli.Column;
import io.kontor.cli.CommandFailure;
import io.kontor.cli.Gateway;
import io.kontor.cli.ListCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "supplier-invoices",
        description = "Accounts payable: suppliers' invoices received, approved and paid by payment runs.",
        subcommands = {
            SupplierInvoicesCommand.Upload.class,
            SupplierInvoicesCommand.ListInvoices.class,
            SupplierInvoicesCommand.Show.class,
            SupplierInvoicesCommand.Approve.class,
            SupplierInvoicesCommand.Open.class,
            SupplierInvoicesCommand.Mail.class,
            SupplierInvoicesCommand.PaymentRun.class
        })
public final class SupplierInvoicesCommand {

    static final List<Column> COLUMNS = List.of(
            Column.of("ID", "id").whole(),
            Column.of("SUPPLIER", "sellerName"),
            Column.of("NUMBER", "invoiceNumber").whole(),
            Column.of("STATUS", "status").whole(),
            Column.of("DUE", "dueDate").whole().dispensable(1),
            Column.of("AMOUNT", "payableAmount").amount());

    static final List<Column> OPEN_COLUMNS = List.of(
            Column.of("ID", "id").whole(),
            Column.of("SUPPLIER", "supplier"),
            Column.of("NUMBER", "invoiceNumber").whole(),
            Column.of("STATUS", "status").whole(),
            Column.of("DUE", "dueDate").whole(),
            Column.of("SKONTO BY", "skontoDeadline").whole().dispensable(1),
            Column.of("AMOUNT", "payableAmount").amount());

    static final List<Column> MAIL_COLUMNS = List.of(
            Column.of("READ", "readAt").whole().dispensable(2),
            Column.of("FROM", "sender"),
            Column.of("FILE", "fileName").dispensable(1),
            Column.of("OUTCOME", "outcome").whole(),
            Column.of("INVOICE", "invoiceId").whole());

    @Command(
            name = "mail",
            description = "What the intake mailbox received, newest first: each mail's files and what became of them.")
    static final class Mail extends ListCommand {
        @Option(names = "--outcome", description = "INVOICE, DUPLICATE, REFUSED, NO_ATTACHMENT")
        String outcome;

        @Override
        protected void run() {
            list("/accounting/supplier-invoices/mail", MAIL_COLUMNS, "outcome", outcome);
        }
    }

    @Command(
            name = "upload",
            description =
                    "Sends a supplier's invoice as received: XRechnung (CII or UBL) XML, ZUGFeRD PDF or a plain PDF.")
    static final class Upload extends ApiCommand {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        protected void run() {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw CommandFailure.usage("no such file: " + file, e);
            } catch (IOException e) {
                throw CommandFailure.usage("cannot read " + file + ": " + e.getMessage(), e);
            }
            String name = file.getFileName().toString();
            String type = name.toLowerCase(Locale.ROOT).endsWith(".pdf") ? "application/pdf" : "application/xml";
            output().object(gateway()
                    .post(
                            "/accounting/supplier-invoices",
                            Gateway.query("fileName", name, "via", "CLI"),
                            content,
                            type));
        }
    }

    @Command(name = "list", description = "Lists received invoices, newest first.")
    static final class ListInvoices extends ListCommand {
        @Option(names = "--status", description = "REJECTED, NEEDS_DATA, RECEIVED, PAYABLE, IN_PAYMENT, PAID")
        String status;

        @Option(names = "--supplier", paramLabel = "SUPPLIER_ID")
        String supplierId;

        @Override
        protected void run() {
            list("/accounting/supplier-invoices", COLUMNS, "status", status, "supplierId", supplierId);
        }
    }

    @Command(name = "show", description = "Shows a received invoice with what was read from it and its checks.")
    static final class Show extends ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        protected void run() {
            output().object(gateway().get("/accounting/supplier-invoices/" + id));
        }
    }

    @Command(
            name = "approve",
            description = "Approves an invoice for payment (above the limit: not by the one who recorded it).")
    static final class Approve extends ApiCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        protected void run() {
            output().object(gateway().post("/accounting/supplier-invoices/" + id + "/approve", null));
        }
    }

    @Command(name = "open", description = "Open payables, earliest due first, with Skonto deadlines.")
    static final class Open extends ListCommand {

        @Override
        protected void run() {
            list("/accounting/supplier-invoices/open", OPEN_COLUMNS);
        }
    }

    @Command(
            name = "payment-run",
            description = "Pays the approved invoices due by a day by a SEPA credit transfer file (pain.001).")
    static final class PaymentRun extends ApiCommand {
        @Option(names = "--due-by", required = true, description = "pay what is due by this day")
        LocalDate dueBy;

        @Option(names = "--execution-date", description = "the day the bank executes the transfers (default: today)")
        LocalDate executionDate;

        @Override
        protected void run() {
            var request = body().put("dueBy", dueBy.toString());
            if (executionDate != null) {
                request.put("executionDate", executionDate.toString());
            }
            output().object(gateway().post("/accounting/payment-runs", request));
        }
    }
}
