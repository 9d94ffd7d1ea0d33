package io.kontor.legal.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One kind of legal text in one language: the German AGB, the English privacy notice, the DPA (AVV) template, or any
 * other kind the department names (IMPRINT, WITHDRAWAL_FORM, ...). Its wording lives in {@link DocumentVersion}s.
 */
@Entity
@Table(name = "legal_document")
public class LegalDocument extends PanacheEntityBase {

    /** The kinds other services know by name; any other kind is an upper-case word of the department's choice. */
    public static final String AGB = "AGB";

    public static final String PRIVACY_NOTICE = "PRIVACY_NOTICE";
    public static final String DPA_TEMPLATE = "DPA_TEMPLATE";

    public static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    public static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    @Id
    public UUID id;

    public String kind;
    public String language;
    public String title;
    public String createdBy;
    public Instant createdAt;

    public static Optional<LegalDocument> of(String kind, String language) {
        return find("kind = ?1 and language = ?2", kind, language).firstResultOptional();
    }
}
