package io.kontor.hr.contract;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An amendment that extends a fixed term (§14(2) TzBfG): only the end date moves, every other term stays as signed, so
 * the extension is one and not a new contract.
 */
@Entity
public class ContractExtension extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID contractId;
    /** 1 for the first extension of the contract. */
    public int number;

    public LocalDate previousEndDate;
    public LocalDate endDate;
    public String fixedTermReason;
    /** The day both sides agreed it in writing: before the term it extends ended. */
    public LocalDate agreedOn;

    public Instant createdAt;

    public static List<ContractExtension> of(UUID contractId) {
        return list("contractId = ?1 order by number", contractId);
    }
}
