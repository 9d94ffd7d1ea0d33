package io.kontor.platform.privacy;

import io.kontor.platform.events.legal.DataSubjectRequestOpened;
import io.kontor.platform.events.privacy.DataSubjectRequestAnswered;
import io.kontor.platform.events.privacy.ErasureAction;
import io.kontor.platform.events.privacy.PersonalRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A service's answer to one data-subject request, from all its {@link PersonalDataHolder}s. */
@ApplicationScoped
public class PersonalDataAnswers {

    @Inject
    @Any
    Instance<PersonalDataHolder> holders;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /**
     * Erasure first, then the export of what is left: the answer to an erasure shows what was restricted instead of
     * erased, the answer to access and rectification what is held. Call inside the transaction that publishes it.
     */
    public DataSubjectRequestAnswered answer(DataSubjectRequestOpened request) {
        List<ErasureAction> actions = new ArrayList<>();
        if (DataSubjectRequestOpened.ERASURE.equals(request.kind())) {
            for (PersonalDataHolder holder : holders) {
                actions.addAll(holder.erase(request.subject()));
            }
        }
        List<PersonalRecords> records = new ArrayList<>();
        for (PersonalDataHolder holder : holders) {
            holder.export(request.subject()).stream()
                    .filter(category -> !category.records().isEmpty())
                    .forEach(records::add);
        }
        boolean found = !records.isEmpty() || actions.stream().anyMatch(action -> action.records() > 0);
        return new DataSubjectRequestAnswered(
                request.requestId(),
                request.kind(),
                service,
                found,
                List.copyOf(records),
                List.copyOf(actions),
                Instant.now(clock));
    }
}
