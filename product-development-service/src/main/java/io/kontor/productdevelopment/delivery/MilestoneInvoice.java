package io.kontor.productdevelopment.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An invoice accounting issued for a milestone, and whether a credit note cancelled it. */
@Entity
public class MilestoneInvoice extends PanacheEntityBase {

    @Id
    public UUID invoiceId;

    public String invoiceNumber;
    public UUID milestoneId;
    public UUID projectId;
    public LocalDate issueDate;
    public BigDecimal grossTotal;
    public String currency;
    /** Set when the invoice was cancelled by this credit note: it bills the milestone no longer. */
    public String creditNoteNumber;

    /** The invoices that bill the milestone: issued and not cancelled. */
    public static List<MilestoneInvoice> of(UUID milestoneId) {
        return list("milestoneId = ?1 and creditNoteNumber is null order by issueDate, invoiceNumber", milestoneId);
    }
}
