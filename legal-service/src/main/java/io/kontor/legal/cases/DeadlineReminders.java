package io.kontor.legal.cases;

import io.kontor.platform.mail.MailOutbox;
import io.kontor.platform.mail.MailRequest;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Reminds the legal team of deadlines: each open deadline whose reminder day has come (the company's today, from the
 * injectable Clock) goes out once by mail to the team address, through the platform's mail outbox in the same
 * transaction that marks it reminded, so a reminder is neither lost nor sent twice.
 */
@ApplicationScoped
public class DeadlineReminders {

    private static final Logger LOG = Logger.getLogger(DeadlineReminders.class);
    static final String DOCUMENT = "case-deadline";

    @Inject
    BusinessCalendar calendar;

    @Inject
    MailOutbox mail;

    @Inject
    CasesConfig config;

    @Scheduled(
            identity = "legal-deadline-reminders",
            cron = "{kontor.legal.cases.reminder-schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remindAsOfToday() {
        remindDue();
    }

    /** Sends the reminders due today; returns how many. */
    @Transactional
    public int remindDue() {
        LocalDate today = calendar.today();
        List<CaseDeadline> due =
                CaseDeadline.list("doneOn is null and remindedAt is null and remindOn <= ?1 order by dueOn", today);
        for (CaseDeadline deadline : due) {
            LegalCase matter = LegalCase.findById(deadline.caseId);
            long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(today, deadline.dueOn);
            mail.send(MailRequest.forDocument(DOCUMENT, deadline.id)
                    .to(config.teamAddress())
                    .template("deadline-reminder", Locale.GERMAN)
                    .data("caseNumber", matter.caseNumber)
                    .data("caseTitle", matter.title)
                    .data("title", deadline.title)
                    .data("dueOn", deadline.dueOn.toString())
                    .data("basis", deadline.basis == null ? "" : deadline.basis)
                    .data(
                            "daysLeft",
                            daysLeft < 0
                                    ? "abgelaufen seit " + (-daysLeft) + " Tag(en)"
                                    : "noch " + daysLeft + " Tag(e)")
                    .requestedBy("legal-service")
                    .build());
            deadline.remindedAt = calendar.now();
            LOG.infof("reminded of deadline '%s' of case %s due %s", deadline.title, matter.caseNumber, deadline.dueOn);
        }
        return due.size();
    }
}
