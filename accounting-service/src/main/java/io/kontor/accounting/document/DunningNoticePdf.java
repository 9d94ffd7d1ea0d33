package io.kontor.accounting.document;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.kontor.accounting.dunning.DefaultInterest;
import io.kontor.accounting.invoice.Buyer;
import io.kontor.platform.company.CompanyProfile;
import io.kontor.platform.events.sales.CustomerType;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A reminder or dunning notice as a letter, in the German a German invoice was written in: Zahlungserinnerung (level
 * 1), 1. Mahnung (level 2), 2. Mahnung (level 3). It states what is claimed, item by item: the open principal, the fee
 * of this notice, the default interest with its legal basis, rate and days (§288 (1) or (2) BGB), costs and interest of
 * earlier notices still open, the total, and the day by which to pay. The figures are those the notice was issued with.
 */
public final class DunningNoticePdf {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);

    /**
     * What the letter says; the notice as stored, plus the invoice it dunned and the interest cut into stretches by
     * rate.
     */
    public record Letter(
            int level,
            String invoiceNumber,
            LocalDate invoiceDate,
            LocalDate dueDate,
            Buyer buyer,
            LocalDate issuedOn,
            BigDecimal openPrincipal,
            BigDecimal fee,
            BigDecimal interest,
            BigDecimal interestPoints,
            List<DefaultInterest.Stretch> interestStretches,
            BigDecimal totalOwed,
            LocalDate payBy,
            String currency,
            BigDecimal businessFlatFee) {

        /** Fees and interest of earlier notices (or reckoned at part payments) that are still open. */
        BigDecimal earlierCosts() {
            return totalOwed.subtract(openPrincipal).subtract(fee).subtract(interest);
        }
    }

    private DunningNoticePdf() {}

    /** The heading of a notice of {@code level}, as the customary German wording has it. */
    public static String title(int level) {
        return switch (level) {
            case 1 -> "Zahlungserinnerung";
            case 2 -> "1. Mahnung";
            case 3 -> "2. Mahnung";
            default -> throw new IllegalArgumentException("no dunning level " + level);
        };
    }

    public static byte[] of(Letter letter, CompanyProfile seller) {
        String currency = " " + letter.currency();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter.getInstance(document, out);
        document.addTitle(title(letter.level()) + " " + letter.invoiceNumber());
        document.addCreator("Kontor");
        document.open();

        document.add(new Paragraph(
                seller.name() + " · " + seller.street() + " · " + seller.postalCode() + " " + seller.city(), NORMAL));
        document.add(new Paragraph(" "));
        Buyer buyer = letter.buyer();
        document.add(new Paragraph(buyer.name, NORMAL));
        document.add(new Paragraph(nullToEmpty(buyer.street), NORMAL));
        document.add(new Paragraph(
                nullToEmpty(buyer.postalCode) + " " + nullToEmpty(buyer.city) + " " + nullToEmpty(buyer.country),
                NORMAL));
        document.add(new Paragraph(" "));
        Paragraph place = new Paragraph(seller.city() + ", " + german(letter.issuedOn()), NORMAL);
        place.setAlignment(Element.ALIGN_RIGHT);
        document.add(place);
        document.add(new Paragraph(title(letter.level()) + " zur Rechnung " + letter.invoiceNumber(), TITLE));
        document.add(new Paragraph(
                "Rechnungsnummer: " + letter.invoiceNumber() + "   Rechnungsdatum: " + german(letter.invoiceDate())
                        + "   Fällig am: " + german(letter.dueDate()) + "   Kundennummer: "
                        + nullToEmpty(buyer.customerNumber),
                NORMAL));
        document.add(new Paragraph(" "));
        document.add(new Paragraph("Sehr geehrte Damen und Herren,", NORMAL));
        document.add(new Paragraph(opening(letter), NORMAL));
        document.add(new Paragraph(" "));

        PdfPTable claim = new PdfPTable(new float[] {6f, 2f});
        claim.setWidthPercentage(80);
        claim.setHorizontalAlignment(Element.ALIGN_LEFT);
        row(claim, "Offener Rechnungsbetrag", money(letter.openPrincipal()) + currency, NORMAL);
        if (letter.level() > 1 || letter.fee().signum() != 0) {
            row(claim, feeLabel(letter), money(letter.fee()) + currency, NORMAL);
        }
        if (letter.level() > 1 || letter.interest().signum() != 0) {
            row(claim, interestLabel(letter), money(letter.interest()) + currency, NORMAL);
        }
        if (letter.earlierCosts().signum() != 0) {
            row(
                    claim,
                    "Noch offene Kosten und Zinsen früherer Mahnungen",
                    money(letter.earlierCosts()) + currency,
                    NORMAL);
        }
        row(claim, "Zu zahlender Gesamtbetrag", money(letter.totalOwed()) + currency, BOLD);
        document.add(claim);
        document.add(new Paragraph(" "));

        if (!letter.interestStretches().isEmpty()) {
            document.add(new Paragraph(
                    "Berechnung der Verzugszinsen auf " + money(letter.openPrincipal()) + currency
                            + " (Zinstage nach Kalender, Jahr zu 365 Tagen):",
                    NORMAL));
            for (DefaultInterest.Stretch stretch : letter.interestStretches()) {
                document.add(new Paragraph(
                        "vom " + german(stretch.first()) + " bis " + german(stretch.last()) + ": " + stretch.days()
                                + (stretch.days() == 1 ? " Tag" : " Tage") + " zu " + percent(stretch.ratePercent())
                                + " % p. a.",
                        NORMAL));
            }
            document.add(new Paragraph(" "));
        }

        document.add(new Paragraph(
                "Bitte überweisen Sie den Gesamtbetrag von " + money(letter.totalOwed()) + currency + " bis zum "
                        + german(letter.payBy()) + " unter Angabe der Rechnungsnummer " + letter.invoiceNumber() + ".",
                BOLD));
        document.add(new Paragraph(
                "Bankverbindung: " + seller.bankName() + ", IBAN " + seller.iban() + ", BIC " + seller.bic(), NORMAL));
        document.add(new Paragraph(
                "Sollten Sie die Zahlung inzwischen geleistet haben, betrachten Sie dieses Schreiben bitte als "
                        + "gegenstandslos.",
                NORMAL));
        document.add(new Paragraph(" "));
        document.add(new Paragraph("Mit freundlichen Grüßen", NORMAL));
        document.add(new Paragraph(seller.name() + ", " + seller.contactName(), NORMAL));
        document.add(new Paragraph(" "));
        document.add(new Paragraph(
                seller.name() + " · " + seller.street() + " · " + seller.postalCode() + " " + seller.city()
                        + " · USt-IdNr. " + seller.vatId()
                        + seller.taxNumber()
                                .map(number -> " · Steuernummer " + number)
                                .orElse("")
                        + " · " + seller.email() + " · " + seller.phone(),
                NORMAL));
        SellerOfRecord.companyLine(seller).ifPresent(line -> document.add(new Paragraph(line, NORMAL)));
        document.close();
        return out.toByteArray();
    }

    private static String opening(Letter letter) {
        String invoice = "unsere Rechnung " + letter.invoiceNumber() + " vom " + german(letter.invoiceDate())
                + ", fällig am " + german(letter.dueDate());
        return switch (letter.level()) {
            case 1 ->
                "sicher ist es Ihrer Aufmerksamkeit entgangen: " + invoice
                        + ", ist noch nicht beglichen. Wir bitten Sie, "
                        + "den offenen Betrag bis zum angegebenen Datum zu überweisen.";
            case 2 ->
                "trotz unserer Zahlungserinnerung ist " + invoice
                        + ", noch nicht beglichen. Sie befinden sich damit in "
                        + "Zahlungsverzug (§ 286 BGB). Wir berechnen Ihnen die folgenden Verzugskosten und Verzugszinsen.";
            default ->
                "auch auf unsere 1. Mahnung haben wir keine Zahlung erhalten; " + invoice + ", ist weiterhin offen. "
                        + "Sollte der Gesamtbetrag nicht fristgerecht eingehen, werden wir die Forderung ohne weitere Ankündigung "
                        + "gerichtlich geltend machen.";
        };
    }

    private static String feeLabel(Letter letter) {
        if (letter.buyer().type == CustomerType.CONSUMER) {
            return "Mahngebühr";
        }
        // §288 (5) BGB: a business owes 40 EUR once; level fees count towards it (sentence 3) and show only beyond it.
        if (letter.level() == 2) {
            return letter.fee().compareTo(letter.businessFlatFee()) > 0
                    ? "Verzugspauschale (§ 288 Abs. 5 BGB) und darüber hinausgehende Mahnkosten"
                    : "Verzugspauschale (§ 288 Abs. 5 BGB)";
        }
        return "Mahnkosten, soweit sie die Verzugspauschale übersteigen (§ 288 Abs. 5 Satz 3 BGB)";
    }

    private static String interestLabel(Letter letter) {
        String paragraph = letter.buyer().type == CustomerType.CONSUMER ? "§ 288 Abs. 1 BGB" : "§ 288 Abs. 2 BGB";
        return "Verzugszinsen (" + paragraph + ": Basiszinssatz + " + percent(letter.interestPoints())
                + " Prozentpunkte)";
    }

    private static void row(PdfPTable table, String label, String amount, Font font) {
        table.addCell(cell(label, font, Element.ALIGN_LEFT));
        table.addCell(cell(amount, font, Element.ALIGN_RIGHT));
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(3);
        return cell;
    }

    private static String german(LocalDate day) {
        return day == null ? "" : GERMAN_DATE.format(day);
    }

    private static String money(BigDecimal amount) {
        return InvoicePdf.money(amount);
    }

    /** A rate as Germans write it: 11,27 or 9. */
    private static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
