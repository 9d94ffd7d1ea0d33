package io.kontor.platform.privacy;

import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.events.privacy.ErasureAction;
import io.kontor.platform.events.privacy.PersonalRecords;
import java.util.List;

/**
 * What a service implements so that it answers data-subject requests (GDPR Art. 15, 16, 17): a CDI bean that finds the
 * person in the service's own data. The platform does the rest ({@link DataSubjectRequestHandler}): it reads legal's
 * kontor.legal.data-subject-request-opened.v1 once (inbox), asks every holder of the service and publishes the one
 * answer kontor.privacy.data-subject-request-answered.v1 through the outbox, in the same transaction as the erasure.
 *
 * <p>Both methods run inside that transaction and must not throw for a person the service does not know: an empty list
 * is the answer "nothing held". A service switches the platform's consumer on with
 * {@code kontor.privacy.requests=answer} (a build property) and {@code legal.privacy} among the topics of its batch
 * channel ({@code mp.messaging.incoming.<service>-events.topics}).
 */
public interface PersonalDataHolder {

    /**
     * Art. 15 GDPR: a copy of what the service holds about the person, one entry per category of records, with purpose,
     * legal basis and retention; empty when it holds nothing. Also answers rectification (Art. 16), showing what is
     * held, and erasure (what is left, restricted).
     */
    List<PersonalRecords> export(DataSubject subject);

    /**
     * Art. 17 GDPR: erases what no law obliges the service to keep and restricts the rest (Art. 17 (3) (b), Art. 18),
     * saying per category what it did and why; empty when it holds nothing. Asking twice changes nothing the second
     * time.
     */
    List<ErasureAction> erase(DataSubject subject);
}
