package io.kontor.legal.cases;

import io.kontor.platform.persistence.Found;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A matter the legal department handles (Akte): opened by a clerk or by an event, closed with a result. */
@Entity
@Table(name = "legal_case")
public class LegalCase extends PanacheEntityBase {

    @Id
    public UUID id;

    public String caseNumber;

    @Enumerated(EnumType.STRING)
    public CaseKind kind;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    public String title;
    public String summary;
    public String originKey;
    public UUID invoiceId;
    public String invoiceNumber;
    public UUID customerId;
    public UUID employeeId;
    public String currency;
    public BigDecimal claimAmount;
    public LocalDate openedOn;
    public String openedBy;

    @Enumerated(EnumType.STRING)
    public CaseResult result;

    public BigDecimal amountRecovered;
    public String closingNote;
    public LocalDate closedOn;
    public String closedBy;
    public Instant createdAt;

    /**
     * Set when the person the matter names asked for erasure (Art. 17 (3) (e), Art. 18 GDPR; LegalPersonalData): kept
     * for legal claims, while open and then until {@link #restrictedUntil}.
     */
    public Instant processingRestrictedAt;

    /** The last day a restricted matter is kept: null while it is open, set when it is closed. */
    public LocalDate restrictedUntil;

    @Version
    public long version;

    /** Locked: two clerks closing the same case at once see each other's act, and the second gets a 409. */
    public static LegalCase requireForUpdate(UUID id) {
        return Found.lockedById(LegalCase.class, id, "case");
    }
}
