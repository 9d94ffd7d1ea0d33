package io.kontor.legal.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file in a matter (statement of claim, court order, letter), kept as uploaded with its SHA-256. */
@Entity
@Table(name = "case_document")
public class CaseDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID caseId;
    public String fileName;
    public String mediaType;
    public long sizeBytes;
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    public String uploadedBy;
    public Instant uploadedAt;
}
