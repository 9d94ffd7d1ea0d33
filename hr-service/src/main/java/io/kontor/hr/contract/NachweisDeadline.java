package io.kontor.hr.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * When the employee must have the essential terms in writing (§2(1) sentence 4 NachwG): names and addresses, pay and
 * working time (nos. 1, 7, 8) on the first day of work; start, end, place, job, probation, on-call work and overtime
 * (nos. 2-6, 9, 10) on the seventh calendar day after the agreed start; the rest (nos. 11-15) one month after it. A
 * signed contract states every item, so handing it over at signing meets each deadline that has not passed.
 *
 * @param status MET when the contract was signed by the day; LATE when signed after it; OPEN when unsigned and the day
 *     is still ahead; OVERDUE when unsigned and the day has passed (a fine of up to 2,000 EUR, §4 NachwG)
 */
public record NachweisDeadline(String items, LocalDate dueBy, String status) {

    public static List<NachweisDeadline> of(LocalDate startDate, LocalDate signedOn, LocalDate today) {
        return List.of(
                deadline("Nr. 1, 7, 8", startDate, signedOn, today),
                deadline("Nr. 2 bis 6, 9, 10", startDate.plusDays(7), signedOn, today),
                deadline("Nr. 11 bis 15", startDate.plusMonths(1), signedOn, today));
    }

    private static NachweisDeadline deadline(String items, LocalDate dueBy, LocalDate signedOn, LocalDate today) {
        String status;
        if (signedOn != null) {
            status = signedOn.isAfter(dueBy) ? "LATE" : "MET";
        } else {
            status = today.isAfter(dueBy) ? "OVERDUE" : "OPEN";
        }
        return new NachweisDeadline(items, dueBy, status);
    }
}
