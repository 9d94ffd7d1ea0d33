package io.kontor.legal.document;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.kontor.platform.events.legal.DocumentVersionPublished;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Legal documents and their versions: drafting, review, publication, and which version is in force when. */
@ApplicationScoped
public class LegalDocuments {

    @Inject
    BusinessCalendar calendar;

    @Inject
    Outbox outbox;

    @Transactional
    public LegalDocument create(String kind, String language, String title, String by) {
        if (!LegalDocument.KIND.matcher(kind).matches()) {
            throw new InvalidFieldProblem("kind", "an upper-case word such as AGB, PRIVACY_NOTICE or DPA_TEMPLATE");
        }
        if (!LegalDocument.LANGUAGE.matcher(language).matches()) {
            throw new InvalidFieldProblem("language", "an ISO 639-1 code in lower case, such as de or en");
        }
        if (LegalDocument.of(kind, language).isPresent()) {
            throw new ConflictProblem("there is already a document " + kind + " in " + language);
        }
        LegalDocument document = new LegalDocument();
        document.id = UUID.randomUUID();
        document.kind = kind;
        document.language = language;
        document.title = title;
        document.createdBy = by;
        document.createdAt = calendar.now();
        document.persist();
        return document;
    }

    /** A new DRAFT after the last version; one version at a time is being worked on. */
    @Transactional
    public DocumentVersion draft(UUID documentId, String text, String changeNote, String by) {
        Found.byId(LegalDocument.class, documentId, "legal document");
        List<DocumentVersion> versions = DocumentVersion.of(documentId);
        versions.stream()
                .filter(v -> v.status != DocumentVersion.Status.PUBLISHED)
                .findFirst()
                .ifPresent(open -> {
                    throw new ConflictProblem("version " + open.version + " is still " + open.status
                            + ": change it or publish it before drafting another");
                });
        DocumentVersion version = new DocumentVersion();
        version.id = UUID.randomUUID();
        version.documentId = documentId;
        version.version = versions.size() + 1;
        version.status = DocumentVersion.Status.DRAFT;
        version.text = text;
        version.changeNote = changeNote;
        version.createdBy = by;
        version.createdAt = calendar.now();
        version.persist();
        return version;
    }

    @Transactional
    public DocumentVersion change(UUID documentId, int number, String text, String changeNote) {
        DocumentVersion version = DocumentVersion.require(documentId, number);
        if (version.status != DocumentVersion.Status.DRAFT) {
            throw new ConflictProblem("version " + number + " is " + version.status + "; only a DRAFT changes"
                    + (version.status == DocumentVersion.Status.PUBLISHED
                            ? " (a published version never changes: draft a new one)"
                            : " (return it to DRAFT first)"));
        }
        version.text = text;
        version.changeNote = changeNote;
        return version;
    }

    @Transactional
    public DocumentVersion submit(UUID documentId, int number, String by) {
        DocumentVersion version = in(documentId, number, DocumentVersion.Status.DRAFT);
        if (version.text.isBlank()) {
            throw new InvalidFieldProblem("text", "an empty version cannot be reviewed");
        }
        version.status = DocumentVersion.Status.IN_REVIEW;
        version.submittedBy = by;
        version.submittedAt = calendar.now();
        return version;
    }

    @Transactional
    public DocumentVersion returnToDraft(UUID documentId, int number) {
        DocumentVersion version = in(documentId, number, DocumentVersion.Status.IN_REVIEW);
        version.status = DocumentVersion.Status.DRAFT;
        version.submittedBy = null;
        version.submittedAt = null;
        return version;
    }

    @Transactional
    public DocumentVersion publish(UUID documentId, int number, LocalDate effectiveFrom, String by) {
        LegalDocument document = Found.byId(LegalDocument.class, documentId, "legal document");
        DocumentVersion version = DocumentVersion.require(documentId, number);
        var latest = DocumentVersion.latestPublished(documentId);
        Publication.checkEffectiveFrom(effectiveFrom, calendar.today(), latest);
        if (version.status != DocumentVersion.Status.IN_REVIEW) {
            throw new ConflictProblem(
                    "version " + number + " is " + version.status + "; only one IN_REVIEW is published");
        }
        version.status = DocumentVersion.Status.PUBLISHED;
        version.effectiveFrom = effectiveFrom;
        version.sha256 = DocumentRendering.sha256(version.text);
        version.publishedBy = by;
        version.publishedAt = calendar.now();
        outbox.publish(new DocumentVersionPublished(
                document.id,
                document.kind,
                document.language,
                document.title,
                version.version,
                effectiveFrom,
                latest.map(v -> v.version).orElse(null),
                version.sha256,
                by,
                version.publishedAt));
        return version;
    }

    /** A unified diff (java-diff-utils) of two versions' texts, three lines of context. */
    public List<String> diff(UUID documentId, int from, int to) {
        DocumentVersion a = DocumentVersion.require(documentId, from);
        DocumentVersion b = DocumentVersion.require(documentId, to);
        List<String> before = DocumentRendering.lines(a.text);
        List<String> after = DocumentRendering.lines(b.text);
        return UnifiedDiffUtils.generateUnifiedDiff(
                "version " + from, "version " + to, before, DiffUtils.diff(before, after), 3);
    }

    private static DocumentVersion in(UUID documentId, int number, DocumentVersion.Status status) {
        DocumentVersion version = DocumentVersion.require(documentId, number);
        if (version.status != status) {
            throw new ConflictProblem("version " + number + " is " + version.status + ", not " + status);
        }
        return version;
    }
}
