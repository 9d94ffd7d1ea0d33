package io.kontor.accounting.approval;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A cancellation that waits for a second person; completed or dropped when process-service's decision arrives. */
@Entity
public class CancellationApproval extends PanacheEntityBase {

    public static final String PENDING = "PENDING_APPROVAL";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    @Id
    public UUID id;

    public UUID invoiceId;
    public String reason;
    public String requestedBy;
    public Instant requestedAt;
    public String status;
    public String decidedBy;
    public Instant decidedAt;

    public static CancellationApproval pendingFor(UUID invoiceId) {
        return find("invoiceId = ?1 and status = ?2", invoiceId, PENDING).firstResult();
    }
}
