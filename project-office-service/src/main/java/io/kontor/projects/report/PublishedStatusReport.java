package io.kontor.projects.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A status report as it was published: the record of what the project office told, never recomputed. */
@Entity
public class PublishedStatusReport extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID projectId;
    public LocalDate reportDate;

    @Enumerated(EnumType.STRING)
    public RagRule.Rag rag;

    public int openRisks;
    public int escalatedRisks;
    public int overdueActionItems;
    public String markdown;
    public Instant publishedAt;
    public String publishedBy;

    public static List<PublishedStatusReport> ofProject(UUID projectId) {
        return list("projectId = ?1 order by publishedAt, id", projectId);
    }
}
