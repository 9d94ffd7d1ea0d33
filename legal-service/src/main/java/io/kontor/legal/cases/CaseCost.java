package io.kontor.legal.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "case_cost")
public class CaseCost extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public CostKind kind;

    public String description;
    public BigDecimal amount;
    public String currency;
    public LocalDate incurredOn;
    public String recordedBy;
    public Instant recordedAt;
}
