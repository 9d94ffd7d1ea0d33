package io.kontor.hr.offboarding;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * What the employer owes and must do when an employment ends, each with the rule behind it and a due date counted from
 * the last day of employment (or from the day the leaving was recorded, for what must happen at once).
 */
public enum OffboardingStep {

    /**
     * The employee must register as job-seeking three months before the end, or within three days of learning of it
     * (§38(1) SGB III); the employer must tell them so without delay (§2(2) sentence 2 no. 3 SGB III).
     */
    JOB_SEEKER_NOTICE(
            "Hinweis auf die Pflicht zur Meldung bei der Agentur für Arbeit (§ 2 Abs. 2 Satz 2 Nr. 3, § 38 Abs. 1"
                    + " SGB III)"),
    /** Leave not taken is granted before the end or paid out (§7(4) BUrlG). */
    REMAINING_LEAVE("Resturlaub gewähren oder abgelten (§ 7 Abs. 4 BUrlG)"),
    /** Laptop, phone, badge, keys and documents come back (§667 BGB, by analogy for work equipment). */
    RETURN_OF_EQUIPMENT("Rückgabe von Arbeitsmitteln, Ausweis, Schlüsseln und Unterlagen (§ 667 BGB)"),
    /** Accounts and access end with the employment (Art. 32 GDPR: no access for who no longer needs it). */
    REVOKE_ACCESS("Zugänge und Berechtigungen sperren (Art. 32 DSGVO)"),
    /** The written certificate of employment (§109 GewO), a final reference, is due at the end. */
    FINAL_REFERENCE("Endzeugnis ausstellen (§ 109 GewO)"),
    /** The certificate of leave granted or paid in the current year, for the next employer (§6(2) BUrlG). */
    LEAVE_CERTIFICATE("Urlaubsbescheinigung aushändigen (§ 6 Abs. 2 BUrlG)"),
    /**
     * The certificate of employment for the employment agency, sent electronically at the end (§312, §313a SGB III).
     */
    EMPLOYMENT_AGENCY_CERTIFICATE("Arbeitsbescheinigung an die Bundesagentur für Arbeit (§§ 312, 313a SGB III)"),
    /** The last pay, pro rata with leave compensation, on the contract's pay day: the end of the month (§614 BGB). */
    FINAL_PAY("Letzte Entgeltabrechnung und Auszahlung (§ 614 BGB, Vertrag § 5)"),
    /**
     * Deregistration from social insurance with the next payroll, at the latest within six weeks of the end (§28a(1)
     * no. 2 SGB IV, §8(1) DEÜV).
     */
    SOCIAL_INSURANCE_DEREGISTRATION("Abmeldung bei der Krankenkasse (§ 28a SGB IV, § 8 Abs. 1 DEÜV)"),
    /**
     * The electronic wage-tax certificate, transmitted by the last day of February of the following year (§41b(1)
     * sentence 2 EStG); the employee gets a printout.
     */
    WAGE_TAX_CERTIFICATE("Lohnsteuerbescheinigung übermitteln und aushändigen (§ 41b Abs. 1 EStG)");

    private final String title;

    OffboardingStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /**
     * The last day for this step, for an employment ending on {@code leavingDate} that was recorded on
     * {@code recordedOn}.
     */
    public LocalDate dueBy(LocalDate leavingDate, LocalDate recordedOn) {
        return switch (this) {
            case JOB_SEEKER_NOTICE -> recordedOn.isBefore(leavingDate) ? recordedOn : leavingDate;
            case REMAINING_LEAVE,
                    RETURN_OF_EQUIPMENT,
                    FINAL_REFERENCE,
                    LEAVE_CERTIFICATE,
                    EMPLOYMENT_AGENCY_CERTIFICATE -> leavingDate;
            case REVOKE_ACCESS -> leavingDate.plusDays(1);
            case FINAL_PAY -> leavingDate.with(TemporalAdjusters.lastDayOfMonth());
            case SOCIAL_INSURANCE_DEREGISTRATION -> leavingDate.plusWeeks(6);
            case WAGE_TAX_CERTIFICATE ->
                LocalDate.of(leavingDate.getYear() + 1, 2, 1).with(TemporalAdjusters.lastDayOfMonth());
        };
    }
}
