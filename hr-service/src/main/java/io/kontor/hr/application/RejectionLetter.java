package io.kontor.hr.application;

import io.kontor.hr.GermanDates;
import io.kontor.hr.HrConfig;
import io.kontor.hr.PdfPrinter;
import io.kontor.hr.opening.JobOpening;
import io.kontor.hr.privacy.Retention;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The letter that tells a candidate of the rejection, dated the day it went out, and says until when the data is kept
 * and why (Art. 13(2)(a) GDPR: the storage period).
 */
@ApplicationScoped
public class RejectionLetter {

    @Inject
    BusinessCalendar calendar;

    public record Page(
            String employer,
            String employerAddress,
            String candidateName,
            String place,
            String date,
            String jobTitle,
            boolean talentPool,
            String erasedBy) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance letter(Page page);
    }

    @Inject
    HrConfig config;

    @Inject
    PdfPrinter printer;

    public byte[] print(Application application) {
        if (application.stage != Stage.REJECTED || application.rejectionSentOn == null) {
            throw new ConflictProblem("application " + application.id + " is " + application.stage
                    + "; a rejection letter exists only for a rejection");
        }
        if (application.isErased()) {
            throw new ConflictProblem("application " + application.id + " is erased; its letter named the candidate");
        }
        JobOpening opening = JobOpening.findById(application.jobOpeningId);
        Instant keepUntil = Retention.keepUntil(
                application,
                config.privacy().rejectedCandidateRetention(),
                config.privacy().talentPoolRetention(),
                calendar.zone());
        Page page = new Page(
                config.employer().name(),
                config.employer().address(),
                application.candidateName(),
                config.employer().city(),
                GermanDates.format(application.rejectionSentOn),
                opening.title,
                application.inTalentPool(),
                GermanDates.format(LocalDate.ofInstant(keepUntil, calendar.zone())));
        return printer.print(Templates.letter(page).render(), "Ihre Bewerbung als " + opening.title);
    }
}
