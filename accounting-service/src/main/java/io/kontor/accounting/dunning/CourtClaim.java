package io.kontor.accounting.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an online Mahnantrag (gerichtliches Mahnverfahren, §690 ZPO; www.online-mahnantrag.de) asks for one claim: the
 * applicant, the respondent, the main claim with its legal ground and date, the interest claimed (rate as points above
 * the base rate of §247 BGB, from which day, on which amount), interest already reckoned and the costs of dunning. One
 * row per invoice; the applicant comes from the seller configuration.
 */
public record CourtClaim(
        UUID invoiceId,
        // Antragsteller (§690 (1) Nr. 1 ZPO)
        String applicantName,
        String applicantStreet,
        String applicantPostalCode,
        String applicantCity,
        String applicantCountry,
        // Antragsgegner
        String respondentCustomerNumber,
        String respondentName,
        String respondentType,
        String respondentStreet,
        String respondentPostalCode,
        String respondentCity,
        String respondentCountry,
        // Hauptforderung (§690 (1) Nr. 3 ZPO: the claim, designated by its ground)
        String claimGround,
        String invoiceNumber,
        LocalDate invoiceDate,
        LocalDate dueDate,
        BigDecimal principal,
        String currency,
        // Zinsen (§288 BGB): laufende Zinsen on the principal from the day after default began
        BigDecimal interestPointsAboveBaseRate,
        LocalDate interestFrom,
        BigDecimal interestOnAmount,
        BigDecimal interestReckoned,
        // Auslagen / Mahnkosten (§288 (5) BGB flat fee, notices)
        BigDecimal dunningCosts,
        BigDecimal totalClaimed,
        int dunningLevel,
        LocalDate lastNoticeOn,
        LocalDate lastPayBy) {

    /** CSV columns, in this order. */
    static final List<String> COLUMNS = List.of(
            "invoiceId",
            "applicantName",
            "applicantStreet",
            "applicantPostalCode",
            "applicantCity",
            "applicantCountry",
            "respondentCustomerNumber",
            "respondentName",
            "respondentType",
            "respondentStreet",
            "respondentPostalCode",
            "respondentCity",
            "respondentCountry",
            "claimGround",
            "invoiceNumber",
            "invoiceDate",
            "dueDate",
            "principal",
            "currency",
            "interestPointsAboveBaseRate",
            "interestFrom",
            "interestOnAmount",
            "interestReckoned",
            "dunningCosts",
            "totalClaimed",
            "dunningLevel",
            "lastNoticeOn",
            "lastPayBy");

    List<Object> values() {
        return List.of(
                invoiceId,
                applicantName,
                nz(applicantStreet),
                nz(applicantPostalCode),
                nz(applicantCity),
                nz(applicantCountry),
                nz(respondentCustomerNumber),
                respondentName,
                respondentType,
                nz(respondentStreet),
                nz(respondentPostalCode),
                nz(respondentCity),
                nz(respondentCountry),
                claimGround,
                invoiceNumber,
                invoiceDate,
                dueDate,
                principal,
                currency,
                interestPointsAboveBaseRate,
                interestFrom == null ? "" : interestFrom,
                interestOnAmount,
                interestReckoned,
                dunningCosts,
                totalClaimed,
                dunningLevel,
                lastNoticeOn == null ? "" : lastNoticeOn,
                lastPayBy == null ? "" : lastPayBy);
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
