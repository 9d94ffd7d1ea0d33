package io.kontor.legal.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the case files ({@code kontor.legal.cases.*}). */
@ConfigMapping(prefix = "kontor.legal.cases")
public interface CasesConfig {

    /** Where deadline reminders go: the legal team's shared mailbox. */
    String teamAddress();

    /** How many days before a deadline its reminder goes out (0: on the day). */
    @WithDefault("3")
    int reminderDaysBefore();

    /**
     * After a hand-over to collection: when legal checks the state of the court dunning procedure (Mahnbescheid served,
     * objection within two weeks, §692 (1) Nr. 3 ZPO), in days.
     */
    @WithDefault("21")
    int collectionFollowUpDays();

    /** After a dispute was escalated: when legal's assessment is due, in days. */
    @WithDefault("14")
    int disputeAssessmentDays();

    /** The company as the client party of every matter (the controller of the Art. 30 record, by default). */
    String client();

    /** The cron of the reminder run; it reminds of what is due as of the company's today. */
    @WithDefault("0 0 6 * * ?")
    String reminderSchedule();
}
