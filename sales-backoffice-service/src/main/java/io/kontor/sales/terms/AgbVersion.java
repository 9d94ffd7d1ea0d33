package io.kontor.sales.terms;

import io.kontor.platform.events.sales.TermsVersion;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A published AGB version as legal announced it (replica of {@code legal.documents}); never changed. */
@Entity
@Table(name = "agb_version")
public class AgbVersion extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        public UUID documentId;
        public int version;

        public Key() {}

        Key(UUID documentId, int version) {
            this.documentId = documentId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.documentId.equals(documentId) && key.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(documentId, version);
        }
    }

    @EmbeddedId
    public Key key;

    public String language;
    public String title;
    public LocalDate effectiveFrom;
    public String sha256;
    public Instant publishedAt;

    public TermsVersion terms() {
        return new TermsVersion(key.documentId, language, key.version, title, effectiveFrom, sha256);
    }

    /**
     * The version in force on {@code day} in {@code language}: the latest effective date not after it. A language
     * without AGB of its own gets the German ones, which bind in Germany whatever the customer's language.
     */
    public static Optional<AgbVersion> inForce(String language, LocalDate day) {
        Optional<AgbVersion> own = find(
                        "language = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc", language, day)
                .firstResultOptional();
        return own.isPresent() || language.equals("de") ? own : inForce("de", day);
    }
}
