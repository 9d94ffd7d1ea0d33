package io.kontor.hr.privacy;

import io.kontor.hr.HrConfig;
import io.kontor.hr.application.Application;
import io.kontor.hr.application.Interview;
import io.kontor.hr.application.Stage;
import io.kontor.platform.mail.MailOutbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.time.BusinessCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The right to erasure (Art. 17 GDPR) for candidates: name, e-mail, cover letter and interview notes go; the opening,
 * stage, dates and scores stay as anonymised statistics. A hired candidate's employee record is not touched: it rests
 * on the employment (§26 BDSG), not on the application.
 */
@ApplicationScoped
public class Erasure {

    @Inject
    BusinessCalendar calendar;

    @Inject
    MailOutbox mail;

    private static final Logger LOG = Logger.getLogger(Erasure.class);

    @Inject
    Clock clock;

    @Inject
    HrConfig config;

    @Transactional
    public void eraseApplication(UUID applicationId) {
        erase(Found.lockedById(Application.class, applicationId, "application"), Instant.now(clock));
    }

    /**
     * Erases every rejected or withdrawn candidate whose retention ({@link Retention}) has passed.
     *
     * @return how many applications were erased
     */
    @Transactional
    public int eraseRejectedPastRetention() {
        Instant now = Instant.now(clock);
        List<Application> ended =
                Application.list("stage in ?1 and erasedAt is null", List.of(Stage.REJECTED, Stage.WITHDRAWN));
        List<Application> expired = ended.stream()
                .filter(application -> Retention.erasable(
                        application,
                        now,
                        config.privacy().rejectedCandidateRetention(),
                        config.privacy().talentPoolRetention(),
                        calendar.zone()))
                .toList();
        expired.forEach(application -> erase(application, now));
        if (!expired.isEmpty()) {
            LOG.infof("Erased %d rejected or withdrawn candidates past their retention", expired.size());
        }
        return expired.size();
    }

    private void erase(Application application, Instant now) {
        application.erase(now);
        Interview.update("notes = null where applicationId = ?1", application.id);
        // The rejection letter's mail named the candidate too; its record keeps only when and that it went out.
        mail.erasePersonalData("application", application.id.toString());
    }
}
