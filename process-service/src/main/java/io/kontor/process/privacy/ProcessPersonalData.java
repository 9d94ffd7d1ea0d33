package io.kontor.process.privacy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.events.privacy.ErasureAction;
import io.kontor.platform.events.privacy.PersonalRecords;
import io.kontor.platform.privacy.PersonalDataHolder;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.process.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What process management holds about a person (GDPR Art. 15, 17): the audit-trail entries whose event names them -
 * their e-mail, customer number, employee or application id - as the events were recorded.
 *
 * <p>Erasure: the audit trail is append-only and kept per record kind (GoBD Rz. 58, §147 AO; docs/DECISIONS.md), so the
 * entries are restricted (Art. 17 (3) (b), (e), Art. 18 GDPR) until the latest of their {@code retainUntil}, marked in
 * {@link AuditRestriction} outside the hash chain. Personnel events leave the trail after three years anyway.
 */
@ApplicationScoped
public class ProcessPersonalData implements PersonalDataHolder {

    /** The export's bound: a person named in more entries gets the newest ones and the count of the rest. */
    static final int MAX_ENTRIES = 500;

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    @Inject
    ObjectMapper json;

    @Inject
    BusinessCalendar calendar;

    @Override
    public List<PersonalRecords> export(DataSubject subject) {
        List<AuditEntry> entries = entries(subject);
        if (entries.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (AuditEntry entry : entries.stream().limit(MAX_ENTRIES).toList()) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("seq", entry.seq);
            record.put("eventType", entry.eventType);
            record.put("occurredAt", entry.occurredAt.toString());
            record.put("retainUntil", entry.retainUntil.toString());
            AuditRestriction restriction = AuditRestriction.findById(entry.seq);
            record.put("restrictedAt", restriction == null ? null : restriction.restrictedAt.toString());
            record.put("payload", payload(entry.payload));
            records.add(record);
        }
        if (entries.size() > MAX_ENTRIES) {
            Map<String, Object> rest = new LinkedHashMap<>();
            rest.put("furtherEntries", entries.size() - MAX_ENTRIES);
            records.add(rest);
        }
        return List.of(new PersonalRecords(
                "audit-trail",
                "Revisionssichere Aufzeichnung aller Geschäftsvorfälle (GoBD), Prozessüberwachung",
                "Art. 6 (1) (c) DSGVO mit §147 AO, §257 HGB, GoBD Rz. 58 ff.",
                "je Art: Buchungen 10 Jahre, Handelsbriefe 6 Jahre, Personalvorgänge 3 Jahre ab Jahresende",
                records));
    }

    @Override
    public List<ErasureAction> erase(DataSubject subject) {
        List<AuditEntry> entries = entries(subject);
        if (entries.isEmpty()) {
            return List.of();
        }
        Instant now = calendar.now();
        LocalDate keptUntil = entries.stream()
                .map(e -> e.retainUntil)
                .max(LocalDate::compareTo)
                .orElseThrow();
        for (AuditEntry entry : entries) {
            if (AuditRestriction.findById(entry.seq) == null) {
                AuditRestriction restriction = new AuditRestriction();
                restriction.seq = entry.seq;
                restriction.restrictedAt = now;
                restriction.keptUntil = entry.retainUntil;
                restriction.persist();
            }
        }
        return List.of(new ErasureAction(
                "audit-trail",
                ErasureAction.Outcome.RESTRICTED,
                entries.size(),
                "Die Revisionsaufzeichnung ist unveränderbar aufzubewahren (GoBD Rz. 58, §147 AO, §257 HGB):"
                        + " Verarbeitung eingeschränkt (Art. 17 (3) (b), Art. 18 DSGVO), nicht gelöscht",
                keptUntil));
    }

    /** Entries whose payload names one of the subject's identifiers; the name alone identifies nobody. */
    private static List<AuditEntry> entries(DataSubject subject) {
        List<String> needles = Stream.of(
                        subject.normalisedEmail(),
                        blankToNull(subject.customerNumber()),
                        subject.employeeUuid() == null
                                ? null
                                : subject.employeeUuid().toString(),
                        subject.applicationId() == null
                                ? null
                                : subject.applicationId().toString())
                .filter(n -> n != null)
                .map(n -> "%\"" + n.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "\"%")
                .toList();
        if (needles.isEmpty()) {
            return List.of();
        }
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < needles.size(); i++) {
            query.append(i == 0 ? "" : " or ").append("lower(payload) like ?").append(i + 1);
        }
        return AuditEntry.list(
                "(" + query + ") order by seq desc",
                needles.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toArray());
    }

    private Object payload(String text) {
        try {
            return json.readValue(text, JSON_OBJECT);
        } catch (Exception notAnObject) {
            return text;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
