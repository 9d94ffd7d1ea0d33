package io.kontor.accounting.payables.run;

import io.kontor.accounting.payables.SupplierInvoice;
import io.kontor.accounting.payables.SupplierInvoiceStatus;
import io.kontor.accounting.payables.intake.Intake;
import io.kontor.accounting.payables.supplier.Supplier;
import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A payment run: the payable invoices due by a day, each paid with its cash discount where the transfer is executed by
 * the Skonto deadline, in one SEPA credit transfer file; the invoices are then IN_PAYMENT until the bank statement
 * shows the debit.
 */
@ApplicationScoped
public class PaymentRuns {

    @Inject
    BusinessCalendar calendar;

    @Inject
    CompanyProfile seller;

    /** Makes the run; called in a transaction. */
    public PaymentRun run(LocalDate dueBy, LocalDate executionDate, String caller) {
        LocalDate today = calendar.today();
        LocalDate execution = executionDate == null ? today : executionDate;
        if (execution.isBefore(today)) {
            throw new InvalidFieldProblem("executionDate", "must not be before today, " + today);
        }
        if (dueBy.isBefore(execution)) {
            throw new InvalidFieldProblem("dueBy", "must not be before the execution date " + execution);
        }
        List<SupplierInvoice> payable = SupplierInvoice.list(
                "status = ?1 and heldReason is null", Sort.ascending("dueDate"), SupplierInvoiceStatus.PAYABLE);
        List<SupplierInvoice> chosen = new ArrayList<>();
        int held = 0;
        for (SupplierInvoice invoice : payable) {
            LocalDate skonto = invoice.skontoDeadline();
            boolean skontoStillOpen = skonto != null && !execution.isAfter(skonto);
            boolean due = invoice.dueDate == null || !invoice.dueDate.isAfter(dueBy);
            // An invoice due later is paid now if waiting would lose its cash discount (its deadline falls before the
            // next run could pay it, i.e. by dueBy).
            boolean skontoEndsInRun = skontoStillOpen && !skonto.isAfter(dueBy);
            if (!due && !skontoEndsInRun) {
                continue;
            }
            Supplier supplier = Supplier.findById(invoice.supplierId);
            if (supplier == null || supplier.iban == null || supplier.pendingIban != null) {
                held++;
                continue;
            }
            invoice.skontoTaken = skontoStillOpen ? invoice.skontoAmount() : BigDecimal.ZERO.setScale(2);
            invoice.paymentAmount = invoice.payableAmount.subtract(invoice.skontoTaken);
            chosen.add(invoice);
        }
        if (chosen.isEmpty()) {
            throw new ConflictProblem("nothing to pay: no approved invoice is due by " + dueBy
                    + (held > 0 ? " (" + held + " wait for a supplier's IBAN verification)" : "")
                    + "; no payment file was made");
        }
        PaymentRun run = new PaymentRun();
        run.id = UUID.randomUUID();
        run.messageId = "KONTOR-" + run.id.toString().replace("-", "").substring(0, 28);
        run.executionDate = execution;
        run.dueBy = dueBy;
        run.createdBy = caller;
        run.createdAt = calendar.now();
        run.currency = "EUR";
        List<Pain001.Transfer> transfers = new ArrayList<>();
        for (SupplierInvoice invoice : chosen) {
            Supplier supplier = Supplier.findById(invoice.supplierId);
            invoice.endToEndId = invoice.id.toString().replace("-", "");
            invoice.status = SupplierInvoiceStatus.IN_PAYMENT;
            invoice.paymentRunId = run.id;
            String text = "Rechnung " + invoice.invoiceNumber + " vom " + invoice.issueDate
                    + (invoice.skontoTaken.signum() > 0 ? " abzgl. " + invoice.skontoTaken + " Skonto" : "");
            transfers.add(new Pain001.Transfer(
                    invoice.endToEndId,
                    invoice.paymentAmount,
                    invoice.currency == null ? "EUR" : invoice.currency,
                    supplier.name,
                    supplier.iban,
                    supplier.bic,
                    text));
        }
        String xml = Pain001.write(
                run.messageId,
                run.createdAt,
                execution,
                new Pain001.Debtor(seller.name(), seller.iban(), seller.bic()),
                transfers);
        run.pain001 = xml.getBytes(StandardCharsets.UTF_8);
        run.sha256 = Intake.sha256(run.pain001);
        run.transfers = transfers.size();
        run.total = transfers.stream().map(Pain001.Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        run.persist();
        return run;
    }
}
