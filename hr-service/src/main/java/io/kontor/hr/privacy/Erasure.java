package io.kontor.hr.privacy;

import io.kontor.hr.HrConfig;
import io.kontor.hr.application.Application;
import io.kontor.hr.application.Interview;
import io.kontor.hr.application.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
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

    private static final Logger LOG = Logger.getLogger(Erasure.class);

    @Inject
    Clock clock;

    @Inject
    HrConfig config;

    @Transactional
    public void eraseApplication(UUID applicationId) {
        erase(Application.getForUpdate(applicationId), Instant.now(clock));
    }

    /**
     * Erases every rejected candidate whose rejection is older than the retention. Rejected candidates may claim under
     * §15(4) AGG within two months, so their data is kept a while, but not longer than that purpose needs (Art. 5(1)(e)
     * GDPR).
     *
     * @return how many applications were erased
     */
    @Transactional
    public int eraseRejectedPastRetention() {
        Instant now = Instant.now(clock);
        Instant cutoff = ZonedDateTime.ofInstant(now, config.timeZone())
                .minus(config.privacy().rejectedCandidateRetention())
                .toInstant();
        List<Application> expired =
                Application.list("stage = ?1 and erasedAt is null and rejectedAt < ?2", Stage.REJECTED, cutoff);
        expired.forEach(application -> erase(application, now));
        if (!expired.isEmpty()) {
            LOG.infof("Erased %d rejected candidates rejected before %s", expired.size(), cutoff);
        }
        return expired.size();
    }

    private static void erase(Application application, Instant now) {
        application.erase(now);
        Interview.update("notes = null where applicationId = ?1", application.id);
    }
}
