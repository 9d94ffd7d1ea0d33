package io.kontor.legal.document;

import io.kontor.platform.persistence.Found;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One wording of a legal document. Once PUBLISHED it never changes (the database refuses it too, V1). */
@Entity
@Table(name = "document_version")
public class DocumentVersion extends PanacheEntityBase {

    public enum Status {
        DRAFT,
        IN_REVIEW,
        PUBLISHED
    }

    @Id
    public UUID id;

    public UUID documentId;
    public int version;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** Markdown (CommonMark). */
    public String text;

    public String changeNote;
    public LocalDate effectiveFrom;
    /** SHA-256 of the text as published: what a pinned offer or an acceptance can later be checked against. */
    public String sha256;

    public String createdBy;
    public Instant createdAt;
    public String submittedBy;
    public Instant submittedAt;
    public String publishedBy;
    public Instant publishedAt;

    public static DocumentVersion require(UUID documentId, int version) {
        return Found.or404(
                find("documentId = ?1 and version = ?2", documentId, version).<DocumentVersion>firstResultOptional(),
                "version of legal document " + documentId,
                version);
    }

    public static List<DocumentVersion> of(UUID documentId) {
        return list("documentId = ?1 order by version", documentId);
    }

    /** The published version in force on {@code day}: the one with the latest effective date not after it. */
    public static Optional<DocumentVersion> inForce(UUID documentId, LocalDate day) {
        return find(
                        "documentId = ?1 and status = ?2 and effectiveFrom <= ?3 order by effectiveFrom desc",
                        documentId,
                        Status.PUBLISHED,
                        day)
                .firstResultOptional();
    }

    public static Optional<DocumentVersion> latestPublished(UUID documentId) {
        return find("documentId = ?1 and status = ?2 order by effectiveFrom desc", documentId, Status.PUBLISHED)
                .firstResultOptional();
    }
}
