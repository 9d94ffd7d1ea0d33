package io.kontor.legal.privacy;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import io.kontor.platform.events.privacy.ErasureAction;
import io.kontor.platform.events.privacy.PersonalRecords;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bundle as a PDF for the person (Art. 12 (1) GDPR: in a concise, intelligible form), laid out as legal's other
 * documents: per service what it holds (Art. 15 (1), (3)) or what it erased, restricted or kept (Art. 17, 18).
 */
final class BundlePdf {

    record Part(
            String service,
            boolean found,
            List<PersonalRecords> records,
            List<ErasureAction> actions,
            Instant answeredAt) {}

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter GERMAN_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font SUBHEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7);

    private BundlePdf() {}

    static byte[] render(AnswerBundles.Bundle bundle, List<Part> parts, ZoneId zone) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter.getInstance(pdf, out);
        pdf.addTitle(title(bundle.kind()));
        pdf.addCreator("Kontor");
        pdf.open();
        pdf.add(new Paragraph(title(bundle.kind()), TITLE));
        pdf.add(new Paragraph("Verantwortlicher: " + bundle.controller(), NORMAL));
        PrivacyResource.Subject subject = bundle.subject();
        pdf.add(new Paragraph(
                "Betroffene Person: "
                        + join(
                                subject.name(),
                                subject.email(),
                                subject.customerNumber() == null ? null : "Kundennummer " + subject.customerNumber(),
                                subject.employeeNumber() == null ? null : "Mitarbeiter " + subject.employeeNumber(),
                                subject.applicationId() == null ? null : "Bewerbung " + subject.applicationId()),
                NORMAL));
        pdf.add(new Paragraph(
                "Eingegangen am " + GERMAN_DATE.format(bundle.receivedOn()) + ", Frist (Art. 12 Abs. 3 DSGVO) "
                        + GERMAN_DATE.format(bundle.deadline()) + ", Anfrage " + bundle.requestId(),
                NORMAL));
        if (!bundle.missing().isEmpty()) {
            pdf.add(new Paragraph(
                    "Noch ohne Antwort: " + String.join(", ", bundle.missing())
                            + (bundle.overdue() ? " (Frist überschritten)" : ""),
                    HEADING));
        }
        for (Part part : parts) {
            Paragraph heading = new Paragraph(
                    part.service() + " – geantwortet am "
                            + GERMAN_TIME.format(part.answeredAt().atZone(zone)),
                    HEADING);
            heading.setSpacingBefore(10);
            pdf.add(heading);
            if (!part.found()) {
                pdf.add(new Paragraph("Keine Daten zu dieser Person gespeichert.", NORMAL));
                continue;
            }
            for (ErasureAction action : part.actions()) {
                pdf.add(new Paragraph(
                        action.category() + ": " + outcome(action.outcome()) + " (" + action.records() + ")"
                                + (action.reason() == null ? "" : " – " + action.reason())
                                + (action.keptUntil() == null
                                        ? ""
                                        : "; aufbewahrt bis " + GERMAN_DATE.format(action.keptUntil())),
                        NORMAL));
            }
            for (PersonalRecords category : part.records()) {
                Paragraph name = new Paragraph(category.category(), SUBHEADING);
                name.setSpacingBefore(4);
                pdf.add(name);
                pdf.add(new Paragraph(
                        "Zweck: " + category.purpose() + "; Rechtsgrundlage: " + category.legalBasis()
                                + "; Speicherdauer: " + category.retention(),
                        SMALL));
                for (Map<String, Object> record : category.records()) {
                    Paragraph line = new Paragraph(
                            record.entrySet().stream()
                                    .filter(field -> field.getValue() != null)
                                    .map(field -> field.getKey() + ": " + field.getValue())
                                    .collect(Collectors.joining("; ")),
                            NORMAL);
                    line.setIndentationLeft(12);
                    pdf.add(line);
                }
            }
        }
        pdf.add(new Paragraph(" "));
        pdf.add(new Paragraph(
                "Erstellt " + GERMAN_TIME.format(bundle.assembledAt().atZone(zone)), SMALL));
        pdf.close();
        return out.toByteArray();
    }

    private static String title(DataSubjectRequest.Kind kind) {
        return switch (kind) {
            case ACCESS -> "Auskunft nach Art. 15 DSGVO";
            case RECTIFICATION -> "Berichtigung nach Art. 16 DSGVO: gespeicherte Daten";
            case ERASURE -> "Löschung nach Art. 17 DSGVO";
        };
    }

    private static String outcome(ErasureAction.Outcome outcome) {
        return switch (outcome) {
            case ERASED -> "gelöscht";
            case RESTRICTED -> "in der Verarbeitung eingeschränkt, nicht gelöscht";
            case KEPT -> "aufbewahrt";
        };
    }

    private static String join(String... parts) {
        return java.util.Arrays.stream(parts)
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(", "));
    }
}
