package io.kontor.legal.cases;

import io.kontor.platform.events.legal.CollectionCaseClosed;
import io.kontor.platform.events.legal.CollectionResult;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** What happens to a matter: opened, parties, files, costs and deadlines added, closed with a result. */
@ApplicationScoped
public class Cases {

    /** A matter to open: what it is about and the parties and deadlines it starts with. */
    public record Opening(
            CaseKind kind,
            String title,
            String summary,
            String originKey,
            UUID invoiceId,
            String invoiceNumber,
            UUID customerId,
            UUID employeeId,
            String currency,
            BigDecimal claimAmount,
            List<Party> parties,
            List<Deadline> deadlines) {}

    public record Party(PartyRole role, String name, String reference, String contact) {}

    public record Deadline(String title, LocalDate dueOn, String basis) {}

    public record Cost(CostKind kind, String description, BigDecimal amount, String currency, LocalDate incurredOn) {}

    public record Closing(CaseResult result, BigDecimal amountRecovered, String note) {}

    @Inject
    BusinessCalendar calendar;

    @Inject
    Outbox outbox;

    @Inject
    CasesConfig config;

    @Inject
    EntityManager entityManager;

    /**
     * Opens a matter a clerk files: its deadlines must lie ahead (400 naming {@code deadlines[i].dueOn}): a deadline
     * already missed is no deadline to watch but a fact to record in the summary.
     */
    @Transactional
    public LegalCase open(Opening opening, String clerk) {
        LocalDate today = calendar.today();
        for (int i = 0; i < opening.deadlines().size(); i++) {
            Deadline deadline = opening.deadlines().get(i);
            if (deadline.dueOn().isBefore(today)) {
                throw new InvalidFieldProblem(
                        "deadlines[" + i + "].dueOn", "must be today or later, is " + deadline.dueOn());
            }
        }
        return persist(opening, clerk);
    }

    /**
     * Opens a matter an event announced, once per origin: the same fact delivered again finds the first case. Its
     * deadlines are computed from the fact, so one may lie in the past when the event arrives late; it is kept, as the
     * reminder of a missed deadline is exactly what legal must see.
     */
    @Transactional
    public LegalCase openFromEvent(Opening opening, String source) {
        LegalCase existing = LegalCase.find("originKey", opening.originKey()).firstResult();
        if (existing != null) {
            return existing;
        }
        return persist(opening, source);
    }

    private LegalCase persist(Opening opening, String openedBy) {
        LegalCase matter = new LegalCase();
        matter.id = UUID.randomUUID();
        matter.openedOn = calendar.today();
        matter.caseNumber = nextNumber(matter.openedOn);
        matter.kind = opening.kind();
        matter.status = CaseStatus.OPEN;
        matter.title = opening.title().strip();
        matter.summary = blankToNull(opening.summary());
        matter.originKey = opening.originKey();
        matter.invoiceId = opening.invoiceId();
        matter.invoiceNumber = opening.invoiceNumber();
        matter.customerId = opening.customerId();
        matter.employeeId = opening.employeeId();
        matter.currency = opening.currency() == null ? "EUR" : opening.currency();
        matter.claimAmount = opening.claimAmount() == null ? null : money(opening.claimAmount());
        matter.openedBy = openedBy;
        matter.createdAt = calendar.now();
        matter.persist();
        CaseParty client = new CaseParty();
        client.id = UUID.randomUUID();
        client.caseId = matter.id;
        client.position = 0;
        client.role = PartyRole.CLIENT;
        client.name = config.client();
        client.persist();
        for (Party party : opening.parties()) {
            addParty(matter, party);
        }
        for (Deadline deadline : opening.deadlines()) {
            addDeadline(matter, deadline);
        }
        return matter;
    }

    @Transactional
    public CaseParty addParty(UUID caseId, Party party) {
        return addParty(open(caseId), party);
    }

    private CaseParty addParty(LegalCase matter, Party party) {
        CaseParty row = new CaseParty();
        row.id = UUID.randomUUID();
        row.caseId = matter.id;
        row.position = (int) CaseParty.count("caseId", matter.id);
        row.role = party.role();
        row.name = party.name().strip();
        row.reference = blankToNull(party.reference());
        row.contact = blankToNull(party.contact());
        row.persist();
        return row;
    }

    /** A new deadline lies ahead (400 naming {@code dueOn}); its reminder goes out some days before. */
    @Transactional
    public CaseDeadline addDeadline(UUID caseId, Deadline deadline) {
        if (deadline.dueOn().isBefore(calendar.today())) {
            throw new InvalidFieldProblem("dueOn", "must be today or later, is " + deadline.dueOn());
        }
        return addDeadline(open(caseId), deadline);
    }

    private CaseDeadline addDeadline(LegalCase matter, Deadline deadline) {
        CaseDeadline row = new CaseDeadline();
        row.id = UUID.randomUUID();
        row.caseId = matter.id;
        row.title = deadline.title().strip();
        row.dueOn = deadline.dueOn();
        row.basis = blankToNull(deadline.basis());
        row.remindOn = deadline.dueOn().minusDays(Math.max(0, config.reminderDaysBefore()));
        row.createdAt = calendar.now();
        row.persist();
        return row;
    }

    /** Marks a deadline handled; handled once (409 after). */
    @Transactional
    public CaseDeadline completeDeadline(UUID caseId, UUID deadlineId, String clerk) {
        Found.byId(LegalCase.class, caseId, "case");
        CaseDeadline deadline = Found.or404(
                CaseDeadline.find("id = ?1 and caseId = ?2", deadlineId, caseId).firstResult(), "deadline", deadlineId);
        if (!deadline.isOpen()) {
            throw new ConflictProblem("deadline '" + deadline.title + "' was done on " + deadline.doneOn + " already");
        }
        deadline.doneOn = calendar.today();
        deadline.doneBy = clerk;
        return deadline;
    }

    @Transactional
    public CaseCost addCost(UUID caseId, Cost cost, String clerk) {
        if (cost.incurredOn().isAfter(calendar.today())) {
            throw new InvalidFieldProblem("incurredOn", "must not be in the future: a cost is recorded once incurred");
        }
        LegalCase matter = Found.byId(LegalCase.class, caseId, "case");
        CaseCost row = new CaseCost();
        row.id = UUID.randomUUID();
        row.caseId = matter.id;
        row.kind = cost.kind();
        row.description = cost.description().strip();
        row.amount = money(cost.amount());
        row.currency = cost.currency() == null ? matter.currency : cost.currency();
        row.incurredOn = cost.incurredOn();
        row.recordedBy = clerk;
        row.recordedAt = calendar.now();
        row.persist();
        return row;
    }

    /** Files a document with its SHA-256; a closed case still takes files (the court's final order comes late). */
    @Transactional
    public CaseDocument upload(UUID caseId, String fileName, String mediaType, byte[] content, String clerk) {
        LegalCase matter = Found.byId(LegalCase.class, caseId, "case");
        CaseDocument document = new CaseDocument();
        document.id = UUID.randomUUID();
        document.caseId = matter.id;
        document.fileName = fileName;
        document.mediaType = mediaType;
        document.sizeBytes = content.length;
        document.sha256 = sha256(content);
        document.content = content;
        document.uploadedBy = clerk;
        document.uploadedAt = calendar.now();
        document.persist();
        return document;
    }

    /**
     * Closes a matter with a result that fits its kind (400 naming {@code result}); a closed matter is not closed again
     * (409). Closing a collection case tells accounting (collection-case-closed), which writes off what was not
     * recovered. Open deadlines of a closed matter are done with it: nobody is reminded of them any more.
     */
    @Transactional
    public LegalCase close(UUID caseId, Closing closing, String clerk) {
        LegalCase matter = LegalCase.requireForUpdate(caseId);
        if (matter.status == CaseStatus.CLOSED) {
            throw new ConflictProblem("case " + matter.caseNumber + " was closed on " + matter.closedOn + " ("
                    + matter.result + ") already");
        }
        if (!CaseResult.allowedFor(matter.kind).contains(closing.result())) {
            throw new InvalidFieldProblem(
                    "result", "a " + matter.kind + " case ends with one of " + CaseResult.allowedFor(matter.kind));
        }
        BigDecimal recovered = closing.amountRecovered();
        if (closing.result() == CaseResult.PARTIALLY_PAID && (recovered == null || recovered.signum() <= 0)) {
            throw new InvalidFieldProblem("amountRecovered", "a partly paid claim says how much was recovered");
        }
        if (recovered == null && closing.result() == CaseResult.PAID) {
            recovered = matter.claimAmount;
        }
        matter.status = CaseStatus.CLOSED;
        matter.result = closing.result();
        matter.amountRecovered = recovered == null ? null : money(recovered);
        matter.closingNote = blankToNull(closing.note());
        matter.closedOn = calendar.today();
        matter.closedBy = clerk;
        if (matter.processingRestrictedAt != null) {
            // Restricted while open (an erasure request came in): now the limitation period says how long it stays.
            matter.restrictedUntil = LegalPersonalData.keptUntil(matter.closedOn);
        }
        LocalDate today = calendar.today();
        for (CaseDeadline open : CaseDeadline.<CaseDeadline>list("caseId = ?1 and doneOn is null", matter.id)) {
            open.doneOn = today;
            open.doneBy = clerk;
        }
        if (matter.kind == CaseKind.COLLECTION && matter.invoiceId != null) {
            outbox.publish(new CollectionCaseClosed(
                    matter.id,
                    matter.caseNumber,
                    matter.invoiceId,
                    matter.invoiceNumber,
                    CollectionResult.valueOf(matter.result.name()),
                    matter.amountRecovered == null ? BigDecimal.ZERO.setScale(2) : matter.amountRecovered,
                    matter.currency,
                    matter.closedOn,
                    clerk,
                    matter.closingNote));
        }
        return matter;
    }

    private static LegalCase open(UUID caseId) {
        LegalCase matter = Found.byId(LegalCase.class, caseId, "case");
        if (matter.status == CaseStatus.CLOSED) {
            throw new ConflictProblem("case " + matter.caseNumber + " is closed");
        }
        return matter;
    }

    /** AZ-2026-0007: the year it was opened and a running number (a sequence: unique, gaps harmless). */
    private String nextNumber(LocalDate openedOn) {
        Number next = (Number) entityManager
                .createNativeQuery("select nextval('legal_case_number')")
                .getSingleResult();
        return "AZ-%d-%04d".formatted(openedOn.getYear(), next.longValue());
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
