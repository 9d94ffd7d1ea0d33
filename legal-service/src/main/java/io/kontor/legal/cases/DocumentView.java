package io.kontor.legal.cases;

import java.time.Instant;
import java.util.UUID;

/** A filed document without its content. */
public record DocumentView(
        UUID id,
        String fileName,
        String mediaType,
        long sizeBytes,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {
    static DocumentView of(CaseDocument d) {
        return new DocumentView(d.id, d.fileName, d.mediaType, d.sizeBytes, d.sha256, d.uploadedBy, d.uploadedAt);
    }
}
