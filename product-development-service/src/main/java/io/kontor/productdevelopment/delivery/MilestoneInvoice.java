package io.kontor.productdevelopment.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An invoice accounting issued for a milestone. */
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

    public static List<MilestoneInvoice> of(UUID milestoneId) {
        return list("milestoneId = ?1 order by issueDate, invoiceNumber", milestoneId);
    }
}
