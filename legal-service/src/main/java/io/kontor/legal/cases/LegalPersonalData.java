package io.kontor.legal.cases;

import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.events.privacy.ErasureAction;
import io.kontor.platform.events.privacy.PersonalRecords;
import io.kontor.platform.privacy.PersonalDataHolder;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What legal holds about a person in its case files (GDPR Art. 15, 17): the matters that name them - as a party with
 * their customer or personnel number ({@code reference}) or e-mail ({@code contact}), as the customer a collection or
 * dispute case was opened for (accounting's events carry the customer number, kept as the opponent's reference), or as
 * the dismissed employee of a labour-law watch (hr's employee-dismissed, kept as the case's {@code employeeId}). The
 * name alone finds nobody.
 *
 * <p>Erasure: nothing is erased. A case file serves the establishment, exercise or defence of legal claims (Art. 17 (3)
 * (e) GDPR): it is kept while the matter is open and afterwards until the claims it is about are time-barred, three
 * years from the end of the year of closing (§§195, 199 (1) BGB), and processing is restricted meanwhile (Art. 18 (2)
 * GDPR allows it for legal claims). An open matter has no end day yet; closing it sets one ({@link Cases#close}).
 */
@ApplicationScoped
public class LegalPersonalData implements PersonalDataHolder {

    static final String RETENTION =
            "solange die Sache offen ist, danach bis zum Ende der regelmäßigen Verjährungsfrist:"
                    + " 3 Jahre ab Ende des Jahres des Abschlusses (§§ 195, 199 Abs. 1 BGB)";

    static final String RESTRICTION_RULE = "Akten zur Geltendmachung, Ausübung oder Verteidigung von Rechtsansprüchen"
            + " (Art. 17 (3) (e) GDPR / DSGVO): aufbewahrt, solange die Sache offen ist, danach 3 Jahre ab Ende des"
            + " Jahres des Abschlusses (§§ 195, 199 Abs. 1 BGB); Verarbeitung eingeschränkt (Art. 18 (2) DSGVO),"
            + " nicht gelöscht";

    @Inject
    BusinessCalendar calendar;

    /** The last day a matter closed on {@code closedOn} is kept: the end of the limitation period (§§195, 199 BGB). */
    public static LocalDate keptUntil(LocalDate closedOn) {
        return Fristen.limitationOfClaim(closedOn);
    }

    @Override
    public List<PersonalRecords> export(DataSubject subject) {
        Found found = find(subject);
        if (found.matters.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Map<String, Object>>> documents = documents(found.matters.keySet());
        List<Map<String, Object>> records = new ArrayList<>();
        for (LegalCase matter : found.matters.values()) {
            records.add(record(matter, found.parties.get(matter.id), documents.get(matter.id)));
        }
        return List.of(new PersonalRecords(
                "case-files",
                "Rechtsangelegenheiten: Inkasso, Reklamationen, arbeitsrechtliche Verfahren (Akten der Rechtsabteilung)",
                "Art. 6 (1) (c), (f) DSGVO (Rechtsansprüche); §26 (1) BDSG für Beschäftigte",
                RETENTION,
                records));
    }

    @Override
    public List<ErasureAction> erase(DataSubject subject) {
        Found found = find(subject);
        if (found.matters.isEmpty()) {
            return List.of();
        }
        Instant now = calendar.now();
        boolean anyOpen = false;
        LocalDate latest = null;
        for (LegalCase matter : found.matters.values()) {
            if (matter.processingRestrictedAt == null) {
                matter.processingRestrictedAt = now;
            }
            if (matter.status == CaseStatus.CLOSED) {
                matter.restrictedUntil = keptUntil(matter.closedOn);
                latest = latest == null || matter.restrictedUntil.isAfter(latest) ? matter.restrictedUntil : latest;
            } else {
                anyOpen = true;
            }
        }
        // An open matter ends later than any closed one (closed today, it is kept to the end of year + 3 at least), so
        // its end is the answer's end: not known yet, named in the reason.
        return List.of(new ErasureAction(
                "case-files",
                ErasureAction.Outcome.RESTRICTED,
                found.matters.size(),
                anyOpen ? RESTRICTION_RULE + "; mindestens eine Sache ist noch offen" : RESTRICTION_RULE,
                anyOpen ? null : latest));
    }

    /** The matters naming the person, each with the parties that are them. */
    private record Found(Map<UUID, LegalCase> matters, Map<UUID, List<CaseParty>> parties) {}

    private static Found find(DataSubject subject) {
        String number = blankToNull(subject.customerNumber());
        String email = subject.normalisedEmail();
        UUID employee = subject.employeeUuid();
        Map<UUID, List<CaseParty>> parties = new LinkedHashMap<>();
        Set<UUID> caseIds = new LinkedHashSet<>();
        List<CaseParty> matched = new ArrayList<>();
        if (number != null) {
            matched.addAll(CaseParty.list("reference = ?1 and role not in ?2", number, NOT_A_PERSON));
        }
        if (employee != null) {
            matched.addAll(CaseParty.list("reference = ?1 and role not in ?2", employee.toString(), NOT_A_PERSON));
        }
        if (email != null) {
            // The contact is free text ("Tel. …, mail@…"): the address anywhere in it, as a whole address.
            matched.addAll(CaseParty.list(
                    "lower(contact) like ?1 escape '!' and role not in ?2",
                    "%" + likeLiteral(email) + "%",
                    NOT_A_PERSON));
        }
        for (CaseParty party : matched) {
            caseIds.add(party.caseId);
            List<CaseParty> ofCase = parties.computeIfAbsent(party.caseId, id -> new ArrayList<>());
            if (ofCase.stream().noneMatch(p -> p.id.equals(party.id))) {
                ofCase.add(party);
            }
        }
        if (employee != null) {
            // A labour-law watch names the dismissed employee as its opponent, by name: the case knows who it is.
            for (LegalCase matter : LegalCase.<LegalCase>list("employeeId", employee)) {
                caseIds.add(matter.id);
                List<CaseParty> ofCase = parties.computeIfAbsent(matter.id, id -> new ArrayList<>());
                for (CaseParty opponent :
                        CaseParty.<CaseParty>list("caseId = ?1 and role = ?2", matter.id, PartyRole.OPPONENT)) {
                    if (ofCase.stream().noneMatch(p -> p.id.equals(opponent.id))) {
                        ofCase.add(opponent);
                    }
                }
            }
        }
        Map<UUID, LegalCase> matters = new LinkedHashMap<>();
        if (!caseIds.isEmpty()) {
            LegalCase.<LegalCase>list("id in ?1 order by openedOn, caseNumber", caseIds)
                    .forEach(matter -> matters.put(matter.id, matter));
        }
        return new Found(matters, parties);
    }

    /** Courts, counsel and agencies are not the person, even when their reference happens to be the same text. */
    private static final List<PartyRole> NOT_A_PERSON =
            List.of(PartyRole.COURT, PartyRole.COUNSEL, PartyRole.COLLECTOR);

    /** File names and digests only: the documents themselves are sent on request, not through Kafka (1 MB). */
    private static Map<UUID, List<Map<String, Object>>> documents(Set<UUID> caseIds) {
        Map<UUID, List<Map<String, Object>>> documents = new LinkedHashMap<>();
        List<Object[]> rows = CaseDocument.getEntityManager()
                .createQuery(
                        "select d.caseId, d.fileName, d.mediaType, d.sha256, d.uploadedAt from CaseDocument d"
                                + " where d.caseId in :ids order by d.uploadedAt",
                        Object[].class)
                .setParameter("ids", caseIds)
                .getResultList();
        for (Object[] row : rows) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("fileName", row[1]);
            document.put("mediaType", row[2]);
            document.put("sha256", row[3]);
            document.put("uploadedAt", text(row[4]));
            documents.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(document);
        }
        return documents;
    }

    private static Map<String, Object> record(
            LegalCase matter, List<CaseParty> parties, List<Map<String, Object>> documents) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("caseNumber", matter.caseNumber);
        record.put("kind", matter.kind.name());
        record.put("status", matter.status.name());
        record.put("title", matter.title);
        record.put("summary", matter.summary);
        record.put("invoiceNumber", matter.invoiceNumber);
        record.put("customerId", text(matter.customerId));
        record.put("employeeId", text(matter.employeeId));
        record.put("claimAmount", money(matter.claimAmount));
        record.put("currency", matter.currency);
        record.put(
                "parties",
                parties == null
                        ? List.of()
                        : parties.stream().map(LegalPersonalData::party).toList());
        record.put("documents", documents == null ? List.of() : documents);
        record.put("openedOn", text(matter.openedOn));
        record.put("result", matter.result == null ? null : matter.result.name());
        record.put("closedOn", text(matter.closedOn));
        record.put("processingRestrictedAt", text(matter.processingRestrictedAt));
        record.put("restrictedUntil", text(matter.restrictedUntil));
        return record;
    }

    private static Map<String, Object> party(CaseParty party) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("role", party.role.name());
        record.put("name", party.name);
        record.put("reference", party.reference);
        record.put("contact", party.contact);
        return record;
    }

    /** The text for a LIKE pattern, its wildcards (_ is common in addresses) taken literally. */
    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
