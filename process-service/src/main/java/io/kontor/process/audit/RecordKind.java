package io.kontor.process.audit;

import java.time.LocalDate;

/**
 * How long an audit entry must be kept, by what it records. The period runs from the end of the calendar year in which
 * the entry was made (§147 Abs. 4 AO), so an entry of 2026 under a ten-year period is kept until 31 December 2036.
 */
public enum RecordKind {
    /**
     * Invoices, payments, dunning and credit notes: the records of the books (Aufzeichnungen, §147 Abs. 1 Nr. 1 and
     * Abs. 3 AO, §257 Abs. 1 Nr. 1, Abs. 4 HGB; GoBD Rz. 113): ten years.
     */
    BOOKING(10),
    /** Offers, customers, projects, requirements, processes: commercial letters (§147 Abs. 1 Nr. 2, 3 AO, §257 HGB). */
    COMMERCIAL(6),
    /**
     * Personnel events: kept no longer than claims can be raised (§195 BGB, three years), since the trail holds
     * personal data (GDPR Art. 5(1)(e)).
     */
    PERSONNEL(3),
    /**
     * Administrative acts (approvals, replays, configuration changes): part of the procedure documentation, kept as
     * long as the books it explains (GoBD Rz. 151 ff.).
     */
    ADMINISTRATIVE(10),
    /**
     * Reads of personal data (a personnel file, a data-subject bundle): an access log, kept as long as a claim about
     * the access can be raised (§195 BGB, three years) and no longer, since it names whose data was read (GDPR Art.
     * 5(1)(e)).
     */
    ACCESS(3);

    private final int years;

    RecordKind(int years) {
        this.years = years;
    }

    public int years() {
        return years;
    }

    /** The last day the entry must be kept. */
    public LocalDate retainUntil(LocalDate recordedOn) {
        return LocalDate.of(recordedOn.getYear() + years, 12, 31);
    }

    /** The kind of a domain event by its type {@code kontor.<domain>.<event>.v<n>}. */
    public static RecordKind ofEventType(String type) {
        String domain = type.startsWith("kontor.") ? type.substring(7, Math.max(7, type.indexOf('.', 7))) : "";
        return switch (domain) {
            case "accounting" -> BOOKING;
            case "hr" -> PERSONNEL;
            default -> COMMERCIAL;
        };
    }
}
