package io.kontor.productdevelopment.privacy;

import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.events.privacy.ErasureAction;
import io.kontor.platform.events.privacy.PersonalRecords;
import io.kontor.platform.privacy.PersonalDataHolder;
import io.kontor.productdevelopment.requirement.Requirement;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What product development holds about a person (GDPR Art. 15, 17): the customer's name on requirements filed from
 * their accepted offers, found by customer number ({@link CustomerNumber}).
 *
 * <p>Erasure: the name goes; the requirement stays with the customer's id, its offer number and line (traceability to
 * the offer, which sales keeps restricted). No law obliges product development to keep the name.
 */
@ApplicationScoped
public class ProductDevelopmentPersonalData implements PersonalDataHolder {

    @Override
    public List<PersonalRecords> export(DataSubject subject) {
        List<Requirement> requirements = requirements(subject);
        if (requirements.isEmpty()) {
            return List.of();
        }
        return List.of(new PersonalRecords(
                "requirements",
                "Anforderungen aus Kundenangeboten, Nachverfolgbarkeit bis zur Lieferung",
                "Art. 6 (1) (b) DSGVO",
                "solange die Anforderung gepflegt wird",
                requirements.stream()
                        .map(ProductDevelopmentPersonalData::record)
                        .toList()));
    }

    @Override
    public List<ErasureAction> erase(DataSubject subject) {
        List<Requirement> named = requirements(subject).stream()
                .filter(r -> r.customerName != null)
                .toList();
        named.forEach(r -> r.customerName = null);
        return named.isEmpty()
                ? List.of()
                : List.of(new ErasureAction(
                        "requirements",
                        ErasureAction.Outcome.ERASED,
                        named.size(),
                        "Kundenname an den Anforderungen gelöscht; sie bleiben mit Kunden-Id und Angebotsnummer",
                        null));
    }

    private static List<Requirement> requirements(DataSubject subject) {
        if (subject.customerNumber() == null || subject.customerNumber().isBlank()) {
            return List.of();
        }
        List<UUID> ids = CustomerNumber.idsOf(subject.customerNumber().strip());
        return ids.isEmpty() ? List.of() : Requirement.list("customerId in ?1 order by number", ids);
    }

    private static Map<String, Object> record(Requirement r) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("requirement", r.number);
        record.put("title", r.title);
        record.put("customerName", r.customerName);
        record.put("offerNumber", r.sourceOfferNumber);
        record.put("offerLine", r.sourceOfferLine);
        record.put("status", r.status == null ? null : r.status.name());
        return record;
    }
}
