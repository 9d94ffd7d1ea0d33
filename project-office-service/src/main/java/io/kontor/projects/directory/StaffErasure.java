package io.kontor.projects.directory;

import io.kontor.platform.mail.MailOutbox;
import io.kontor.projects.kickoff.Kickoff;
import io.kontor.projects.minutes.ActionItem;
import io.kontor.projects.minutes.Minutes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * hr erased a former employee (Art. 17 GDPR), and the project office has no duty to keep them (Art. 19 GDPR: the
 * erasure reaches every copy): the directory entry loses everything but the id, and wherever minutes or kickoffs name
 * the person - by full name or e-mail, as the directory knew them - the name gives way to
 * {@link StaffMember#FORMER_EMPLOYEE} and the e-mail leaves the kickoff's participants. The project's record stays
 * readable: a decision was taken, an action item done, by a former employee. A staffing request keeps the bare employee
 * id, which nothing can resolve to a person any more. Running it twice finds nothing left to change.
 */
@ApplicationScoped
public class StaffErasure {

    @Inject
    EntityManager entityManager;

    @Inject
    MailOutbox mail;

    public void forget(StaffMember member, LocalDate erasedOn) {
        List<String> names = Stream.of(
                        member.firstName == null || member.lastName == null ? null : member.fullName(), member.email)
                .filter(n -> n != null && !n.isBlank())
                .toList();
        for (String name : names) {
            minutesNaming(name).forEach(minutes -> {
                minutes.attendees = replaced(minutes.attendees, name);
                minutes.decisions = replaced(minutes.decisions, name);
                minutes.distribution = minutes.distribution.stream()
                        .filter(address -> !address.equalsIgnoreCase(name))
                        .toList();
            });
            ActionItem.<ActionItem>list(
                            "lower(owner) like ?1 or lower(description) like ?1",
                            "%" + name.toLowerCase(Locale.ROOT) + "%")
                    .forEach(item -> {
                        item.owner = replaced(item.owner, name);
                        item.description = replaced(item.description, name);
                    });
            kickoffsNaming(name)
                    .forEach(kickoff -> kickoff.participants = kickoff.participants.stream()
                            .filter(p -> !p.equalsIgnoreCase(name))
                            .toList());
        }
        // Kick-off invitations and minutes went to them and named them to the others (ATTENDEE lines, the text).
        mail.erasePersonMentioned(names);
        member.firstName = null;
        member.lastName = null;
        member.email = null;
        member.jobTitle = null;
        member.department = null;
        if (member.erasedOn == null) {
            member.erasedOn = erasedOn;
        }
    }

    private List<Minutes> minutesNaming(String name) {
        return ids(
                        "select id from minutes where attendees ilike ?1 or decisions ilike ?1 or distribution ilike ?1",
                        name)
                .stream()
                .map(id -> Minutes.<Minutes>findById(id))
                .toList();
    }

    private List<Kickoff> kickoffsNaming(String name) {
        return ids("select project_id from kickoff where participants ilike ?1", name).stream()
                .map(id -> Kickoff.<Kickoff>findById(id))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> ids(String sql, String name) {
        return new ArrayList<>(entityManager
                .createNativeQuery(sql, UUID.class)
                .setParameter(1, "%" + name + "%")
                .getResultList());
    }

    private static List<String> replaced(List<String> texts, String name) {
        return texts.stream().map(text -> replaced(text, name)).toList();
    }

    private static String replaced(String text, String name) {
        return text == null
                ? null
                : Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(text)
                        .replaceAll(Matcher.quoteReplacement(StaffMember.FORMER_EMPLOYEE));
    }
}
