package io.kontor.accounting.payables.intake;

import io.kontor.accounting.payables.DocumentKind;
import io.kontor.accounting.payables.PayablesConfig;
import io.kontor.accounting.payables.RejectedInvoiceProblem;
import io.kontor.accounting.payables.SupplierInvoice;
import io.kontor.accounting.payables.SupplierInvoiceOriginal;
import io.kontor.accounting.payables.SupplierInvoiceStatus;
import io.kontor.accounting.payables.check.Check;
import io.kontor.accounting.payables.check.InvoiceChecks;
import io.kontor.accounting.payables.supplier.Supplier;
import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.problem.Problem;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Receives a supplier's invoice, whatever way it came: keeps the file as received with its SHA-256 (GoBD), validates an
 * e-invoice with Mustang, reads it, finds or makes the supplier, and runs the checks. A plain PDF is kept as an "other
 * invoice" for a person to enter.
 */
@ApplicationScoped
public class Intake {

    /** The path under which a received invoice is found, for links in problems. */
    public static final String PATH = "/api/v1/accounting/supplier-invoices/";

    @Inject
    EInvoiceValidator validator;

    @Inject
    CompanyProfile seller;

    @Inject
    PayablesConfig config;

    @Inject
    BusinessCalendar calendar;

    @Inject
    jakarta.enterprise.event.Event<Received> received;

    /** Fired in the intake's transaction, for whoever reports the receipt (the outbox event). */
    public record Received(SupplierInvoice invoice, Supplier supplier) {}

    /** The file: its bytes and what the sender called it. */
    public record Upload(byte[] content, String fileName, String contentType) {}

    public SupplierInvoice receive(Upload upload, String via, String recordedBy) {
        return receive(upload, via, recordedBy, stored -> {});
    }

    /**
     * As {@link #receive(Upload, String, String)}, with {@code alongside} run in the transaction that stores the
     * invoice, for what the caller records with it (the intake mailbox: which mail brought it), so that both or neither
     * are stored.
     */
    public SupplierInvoice receive(Upload upload, String via, String recordedBy, Consumer<SupplierInvoice> alongside) {
        byte[] content = upload.content();
        if (content == null || content.length == 0) {
            throw new InvalidFieldProblem("file", "is empty");
        }
        if (content.length > config.maxFileBytes()) {
            throw new InvalidFieldProblem("file", "is larger than " + config.maxFileBytes() + " bytes");
        }
        DocumentKind kind;
        byte[] xml;
        if (PdfInvoice.isPdf(content)) {
            xml = PdfInvoice.embeddedXml(content);
            kind = xml == null ? DocumentKind.OTHER_PDF : DocumentKind.ZUGFERD_PDF;
        } else if (looksLikeXml(content)) {
            xml = content;
            kind = null;
        } else {
            throw new InvalidFieldProblem(
                    "file",
                    "is neither a PDF nor XML: an invoice is an XRechnung (CII or UBL),"
                            + " a ZUGFeRD / Factur-X PDF or, for the transition, a plain PDF");
        }
        if (kind == DocumentKind.OTHER_PDF) {
            return QuarkusTransaction.requiringNew()
                    .call(() -> store(upload, DocumentKind.OTHER_PDF, via, recordedBy, null, List.of(), alongside));
        }
        ExtractedInvoice extracted;
        try {
            extracted = EInvoiceReader.read(xml);
        } catch (EInvoiceReader.UnreadableInvoice e) {
            throw reject(
                    upload,
                    kind == null ? DocumentKind.XRECHNUNG_CII : kind,
                    via,
                    recordedBy,
                    null,
                    List.of(new EInvoiceValidator.Message(null, e.getMessage())),
                    alongside);
        }
        if (kind == null) {
            kind = EInvoiceReader.UBL.equals(extracted.syntax())
                    ? DocumentKind.XRECHNUNG_UBL
                    : DocumentKind.XRECHNUNG_CII;
        }
        EInvoiceValidator.Report report = validator.validate(xml);
        if (!report.valid()) {
            throw reject(upload, kind, via, recordedBy, extracted, report.errors(), alongside);
        }
        DocumentKind accepted = kind;
        return QuarkusTransaction.requiringNew()
                .call(() -> store(upload, accepted, via, recordedBy, extracted, List.of(), alongside));
    }

    private RejectedInvoiceProblem reject(
            Upload upload,
            DocumentKind kind,
            String via,
            String recordedBy,
            ExtractedInvoice extracted,
            List<EInvoiceValidator.Message> errors,
            Consumer<SupplierInvoice> alongside) {
        SupplierInvoice stored = QuarkusTransaction.requiringNew()
                .call(() -> store(upload, kind, via, recordedBy, extracted, errors, alongside));
        List<Problem.Violation> violations = errors.stream()
                .limit(50)
                .map(e -> new Problem.Violation(e.location() == null ? "file" : e.location(), e.text()))
                .toList();
        return new RejectedInvoiceProblem(
                "the file fails validation (" + errors.size() + " errors) and is kept as REJECTED: " + PATH + stored.id,
                violations);
    }

    private SupplierInvoice store(
            Upload upload,
            DocumentKind kind,
            String via,
            String recordedBy,
            ExtractedInvoice extracted,
            List<EInvoiceValidator.Message> errors,
            Consumer<SupplierInvoice> alongside) {
        Instant now = calendar.now();
        SupplierInvoice invoice = new SupplierInvoice();
        invoice.id = UUID.randomUUID();
        invoice.kind = kind;
        invoice.receivedVia = via;
        invoice.receivedAt = now;
        invoice.recordedBy = recordedBy;
        invoice.validation = new ArrayList<>(errors);
        Supplier supplier = null;
        if (extracted != null) {
            copy(extracted, invoice);
        }
        if (!errors.isEmpty()) {
            invoice.status = SupplierInvoiceStatus.REJECTED;
        } else if (kind == DocumentKind.OTHER_PDF) {
            invoice.status = SupplierInvoiceStatus.NEEDS_DATA;
            invoice.checks = new ArrayList<>(List.of(Check.warning(
                    "e-invoice",
                    "no structured data: an \"other invoice\" (sonstige Rechnung), accepted in the transition"
                            + " (§27 (38) UStG); its data is entered by hand")));
        } else {
            supplier = supplierOf(extracted, now);
            invoice.supplierId = supplier.id;
            SupplierInvoice first = SupplierInvoice.find(
                            "supplierId = ?1 and upper(invoiceNumber) = upper(?2) and status <> ?3",
                            supplier.id,
                            invoice.invoiceNumber,
                            SupplierInvoiceStatus.REJECTED)
                    .firstResult();
            if (first != null) {
                throw new ConflictProblem("invoice " + invoice.invoiceNumber + " of " + supplier.name
                        + " was received before: " + PATH + first.id);
            }
            invoice.status = SupplierInvoiceStatus.RECEIVED;
            invoice.checks = new ArrayList<>(InvoiceChecks.check(extracted, us()));
            invoice.checks.add(sameAmountAndDate(invoice));
            invoice.checks.add(references(invoice));
            holdForNewIban(invoice, supplier);
        }
        invoice.approvalNeedsSecondPerson =
                invoice.payableAmount != null && invoice.payableAmount.compareTo(config.secondApprovalAbove()) > 0;
        invoice.persist();
        SupplierInvoiceOriginal original = new SupplierInvoiceOriginal();
        original.invoiceId = invoice.id;
        original.fileName =
                upload.fileName() == null || upload.fileName().isBlank() ? defaultName(kind) : upload.fileName();
        original.contentType = upload.contentType() == null ? contentTypeOf(kind) : upload.contentType();
        original.content = upload.content();
        original.size = upload.content().length;
        original.sha256 = sha256(upload.content());
        original.receivedAt = now;
        original.persist();
        alongside.accept(invoice);
        received.fire(new Received(invoice, supplier));
        return invoice;
    }

    public InvoiceChecks.Us us() {
        return new InvoiceChecks.Us(seller.name(), seller.vatId());
    }

    /** Enters what a person read from an "other invoice"; it then goes through the same checks as an e-invoice. */
    public void enterManually(SupplierInvoice invoice, ExtractedInvoice data) {
        if (invoice.status != SupplierInvoiceStatus.NEEDS_DATA) {
            throw new ConflictProblem(
                    "only an invoice in NEEDS_DATA is entered by hand; this one is " + invoice.status);
        }
        Supplier supplier = supplierOf(data, calendar.now());
        if (SupplierInvoice.count(
                        "supplierId = ?1 and upper(invoiceNumber) = upper(?2) and status <> ?3 and id <> ?4",
                        supplier.id,
                        data.invoiceNumber(),
                        SupplierInvoiceStatus.REJECTED,
                        invoice.id)
                > 0) {
            SupplierInvoice first = SupplierInvoice.find(
                            "supplierId = ?1 and upper(invoiceNumber) = upper(?2) and id <> ?3",
                            supplier.id,
                            data.invoiceNumber(),
                            invoice.id)
                    .firstResult();
            throw new ConflictProblem("invoice " + data.invoiceNumber() + " of " + supplier.name
                    + " was received before: " + PATH + first.id);
        }
        copy(data, invoice);
        invoice.supplierId = supplier.id;
        invoice.status = SupplierInvoiceStatus.RECEIVED;
        List<Check> checks = new ArrayList<>(invoice.checks);
        checks.addAll(InvoiceChecks.check(data, us()));
        checks.add(sameAmountAndDate(invoice));
        checks.add(references(invoice));
        invoice.checks = checks;
        invoice.approvalNeedsSecondPerson =
                invoice.payableAmount != null && invoice.payableAmount.compareTo(config.secondApprovalAbove()) > 0;
        holdForNewIban(invoice, supplier);
    }

    private static void copy(ExtractedInvoice extracted, SupplierInvoice invoice) {
        invoice.invoiceNumber = extracted.invoiceNumber();
        invoice.typeCode = extracted.typeCode();
        invoice.issueDate = extracted.issueDate();
        invoice.dueDate = extracted.dueDate() != null ? extracted.dueDate() : extracted.issueDate();
        invoice.currency = extracted.currency();
        if (extracted.seller() != null) {
            invoice.sellerName = extracted.seller().name();
            invoice.sellerVatId = extracted.seller().vatId();
        }
        if (extracted.buyer() != null) {
            invoice.buyerName = extracted.buyer().name();
            invoice.buyerVatId = extracted.buyer().vatId();
        }
        invoice.buyerReference = extracted.buyerReference();
        invoice.orderReference = extracted.orderReference();
        invoice.projectReference = extracted.projectReference();
        invoice.paymentTerms = extracted.paymentTerms();
        invoice.iban = extracted.iban();
        invoice.bic = extracted.bic();
        if (extracted.skonto() != null) {
            invoice.skontoDays = extracted.skonto().days();
            invoice.skontoPercent = extracted.skonto().percent();
        }
        if (extracted.totals() != null) {
            invoice.netTotal = extracted.totals().taxBasis();
            invoice.vatTotal = extracted.totals().taxTotal();
            invoice.grossTotal = extracted.totals().grandTotal();
            invoice.payableAmount = extracted.totals().payable();
        }
        invoice.lines = new ArrayList<>(extracted.lines());
        invoice.vatBreakdown = new ArrayList<>(extracted.vatBreakdown());
    }

    private Supplier supplierOf(ExtractedInvoice extracted, Instant now) {
        ExtractedInvoice.Party party = extracted.seller();
        if (party == null || party.name() == null) {
            throw new InvalidFieldProblem("seller", "the invoice names no seller");
        }
        return Supplier.matching(party.vatId(), party.name()).orElseGet(() -> {
            Supplier supplier = new Supplier();
            supplier.id = UUID.randomUUID();
            supplier.name = party.name();
            supplier.vatId = party.vatId();
            supplier.taxNumber = party.taxNumber();
            supplier.street = party.street();
            supplier.postalCode = party.postalCode();
            supplier.city = party.city();
            supplier.country = party.country();
            supplier.iban = extracted.iban();
            supplier.bic = extracted.bic();
            supplier.createdAt = now;
            supplier.persist();
            return supplier;
        });
    }

    /**
     * An invoice asking to be paid to another account than the supplier's known one is held, and the account waits on
     * the supplier for a person to verify it by a call to the number on file - not the one on the invoice.
     */
    private static void holdForNewIban(SupplierInvoice invoice, Supplier supplier) {
        if (invoice.iban == null || supplier.iban == null || invoice.iban.equals(supplier.iban)) {
            if (supplier.iban == null && invoice.iban != null) {
                supplier.iban = invoice.iban;
                supplier.bic = invoice.bic;
            }
            return;
        }
        invoice.heldReason = "IBAN " + invoice.iban + " differs from the supplier's known " + supplier.iban
                + ": held until the new account is verified with the supplier";
        supplier.pendingIban = invoice.iban;
        supplier.pendingBic = invoice.bic;
        supplier.pendingIbanInvoiceId = invoice.id;
    }

    /** The same supplier, amount and issue date under another number is most likely the same invoice sent twice. */
    private static Check sameAmountAndDate(SupplierInvoice invoice) {
        if (invoice.grossTotal == null || invoice.issueDate == null) {
            return Check.notApplicable("duplicate", "no amount or date to compare");
        }
        SupplierInvoice twin = SupplierInvoice.find(
                        "supplierId = ?1 and grossTotal = ?2 and issueDate = ?3 and status <> ?4 and id <> ?5",
                        invoice.supplierId,
                        invoice.grossTotal,
                        invoice.issueDate,
                        SupplierInvoiceStatus.REJECTED,
                        invoice.id)
                .firstResult();
        return twin == null
                ? Check.ok("duplicate", "no other invoice of the supplier with this number, or this amount and date")
                : Check.warning(
                        "duplicate",
                        "invoice " + twin.invoiceNumber + " (" + PATH + twin.id + ") has the same amount "
                                + invoice.grossTotal + " and date " + invoice.issueDate);
    }

    /**
     * An order or project reference (BT-13, BT-11) is matched against the references of invoices of the same supplier
     * that were approved: Kontor keeps no purchase orders yet, so a reference seen before is the best evidence.
     */
    private static Check references(SupplierInvoice invoice) {
        String reference = invoice.orderReference != null ? invoice.orderReference : invoice.projectReference;
        if (reference == null) {
            return Check.notApplicable("reference", "no order or project reference given");
        }
        long known = SupplierInvoice.count(
                "supplierId = ?1 and (orderReference = ?2 or projectReference = ?2) and approvedAt is not null",
                invoice.supplierId,
                reference);
        return known > 0
                ? Check.ok("reference", "reference " + reference + " matches approved invoices of the supplier")
                : Check.warning(
                        "reference",
                        "reference " + reference + " is not known yet (no purchase-order register): the approver"
                                + " confirms it");
    }

    private static boolean looksLikeXml(byte[] content) {
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB) {
            i = 3;
        }
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        return i < content.length && content[i] == '<';
    }

    private static String defaultName(DocumentKind kind) {
        return kind == DocumentKind.OTHER_PDF || kind == DocumentKind.ZUGFERD_PDF ? "invoice.pdf" : "invoice.xml";
    }

    private static String contentTypeOf(DocumentKind kind) {
        return kind == DocumentKind.OTHER_PDF || kind == DocumentKind.ZUGFERD_PDF
                ? "application/pdf"
                : "application/xml";
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
