package io.kontor.projects.minutes;

import io.kontor.platform.mail.MailDelivery;
import io.kontor.platform.mail.MailLocale;
import io.kontor.platform.mail.MailOutbox;
import io.kontor.platform.mail.MailRequest;
import io.kontor.projects.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Mails recorded minutes to their distribution, in the transaction that records them: minutes that were not objected to
 * in time are what the participants agreed, so when and to whom they went is part of the project's record.
 */
@ApplicationScoped
public class MinutesMail {

    static final String DOCUMENT = "minutes";

    @Inject
    MailOutbox mail;

    @Transactional(Transactional.TxType.MANDATORY)
    void send(Project project, Minutes minutes) {
        // Project office writes minutes in German; an English template is there for a project that needs it.
        Locale language = Locale.GERMAN;
        List<Map<String, Object>> items = ActionItem.ofMinutes(minutes.id).stream()
                .map(item -> Map.<String, Object>of(
                        "description", item.description,
                        "owner", item.owner,
                        "due", MailLocale.date(item.dueDate, language)))
                .toList();
        for (String recipient : minutes.distribution) {
            mail.send(MailRequest.forDocument(DOCUMENT, minutes.id)
                    .to(recipient)
                    .template("minutes", language)
                    .data("projectName", project.name)
                    .data("meetingDate", MailLocale.date(minutes.meetingDate, language))
                    .data("attendees", String.join(", ", minutes.attendees))
                    .data("decisions", minutes.decisions)
                    .data("actionItems", items)
                    .requestedBy("project-office-service/minutes")
                    .build());
        }
    }

    List<MailDelivery> deliveries(UUID minutesId) {
        return mail.deliveries(DOCUMENT, minutesId.toString());
    }
}
