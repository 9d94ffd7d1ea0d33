package io.kontor.hr.reference;

import io.kontor.hr.GermanDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an employment reference in the customary German phrasing ("Zeugnissprache"), in which each grade has its fixed
 * words: "stets zu unserer vollsten Zufriedenheit" is a 1, "zu unserer Zufriedenheit" a 4. The law asks for a reference
 * that is true and benevolent (§109 GewO); the phrases carry the grade without a bad word. Names, not pronouns: the
 * employee record holds no gender.
 */
public final class ReferenceText {

    /**
     * Everything the text says. {@code leavingDate} and {@code leavingPhrase} ("auf eigenen Wunsch", or null for none)
     * only for a FINAL reference; {@code datedOn} is the date it carries.
     */
    public record Facts(
            ReferenceKind kind,
            String employeeName,
            String jobTitle,
            String department,
            LocalDate startDate,
            LocalDate leavingDate,
            String leavingPhrase,
            List<String> tasks,
            Ratings ratings,
            String city,
            LocalDate datedOn) {}

    private static final String[] PERFORMANCE = {
        "stets zu unserer vollsten Zufriedenheit",
        "stets zu unserer vollen Zufriedenheit",
        "zu unserer vollen Zufriedenheit",
        "zu unserer Zufriedenheit",
        "im Großen und Ganzen zu unserer Zufriedenheit"
    };

    private static final String[] EXPERTISE = {
        "über ein hervorragendes und umfassendes Fachwissen, das stets sicher und zielgerichtet eingesetzt wurde",
        "über ein umfassendes und fundiertes Fachwissen, das sicher und zielgerichtet eingesetzt wurde",
        "über ein solides Fachwissen, das zielgerichtet eingesetzt wurde",
        "über das erforderliche Fachwissen",
        "über Grundkenntnisse im Arbeitsgebiet"
    };

    /** Past tense for a final reference, present for an interim one: [grade][0 = past, 1 = present]. */
    private static final String[][] RELIABILITY = {
        {"arbeitete stets äußerst zuverlässig und gewissenhaft", "arbeitet stets äußerst zuverlässig und gewissenhaft"},
        {"arbeitete stets zuverlässig und gewissenhaft", "arbeitet stets zuverlässig und gewissenhaft"},
        {"arbeitete zuverlässig und gewissenhaft", "arbeitet zuverlässig und gewissenhaft"},
        {"arbeitete im Allgemeinen zuverlässig", "arbeitet im Allgemeinen zuverlässig"},
        {"bemühte sich, zuverlässig zu arbeiten", "bemüht sich, zuverlässig zu arbeiten"}
    };

    private static final String[][] CONDUCT = {
        {"war stets vorbildlich", "ist stets vorbildlich"},
        {"war stets einwandfrei", "ist stets einwandfrei"},
        {"war einwandfrei", "ist einwandfrei"},
        {"gab zu Beanstandungen keinen Anlass", "gibt zu Beanstandungen keinen Anlass"},
        {"war im Wesentlichen einwandfrei", "ist im Wesentlichen einwandfrei"}
    };

    /** Regret, thanks and wishes grow with the grade; a 5 gets wishes only. %s is the name. */
    private static final String[] FINAL_CLOSING = {
        "Wir bedauern das Ausscheiden von %s sehr, danken für die stets hervorragende Zusammenarbeit und wünschen für die "
                + "berufliche und private Zukunft alles Gute und weiterhin viel Erfolg.",
        "Wir bedauern das Ausscheiden von %s, danken für die sehr gute Zusammenarbeit und wünschen für die Zukunft alles "
                + "Gute und weiterhin viel Erfolg.",
        "Wir danken %s für die gute Zusammenarbeit und wünschen für die Zukunft alles Gute und viel Erfolg.",
        "Wir danken %s für die Zusammenarbeit und wünschen für die Zukunft alles Gute.",
        "Wir wünschen %s für die Zukunft alles Gute."
    };

    private static final String[] INTERIM_CLOSING = {
        "Wir danken %s für die bisher stets hervorragenden Leistungen und freuen uns sehr auf die weitere Zusammenarbeit.",
        "Wir danken %s für die bisher sehr guten Leistungen und freuen uns auf die weitere Zusammenarbeit.",
        "Wir danken %s für die bisher guten Leistungen und freuen uns auf die weitere Zusammenarbeit.",
        "Wir danken %s für die bisherige Mitarbeit.",
        "Wir wünschen %s für die weitere Tätigkeit in unserem Unternehmen alles Gute."
    };

    private ReferenceText() {}

    /** The paragraphs of the reference, title first, place and date last; task lines start with "– ". */
    public static List<String> write(Facts facts) {
        boolean isFinal = facts.kind() == ReferenceKind.FINAL;
        int tense = isFinal ? 0 : 1;
        String name = facts.employeeName();
        Ratings ratings = facts.ratings();
        String where = facts.department() == null || facts.department().isBlank()
                ? ""
                : " in der Abteilung " + facts.department();
        List<String> paragraphs = new ArrayList<>();

        paragraphs.add(isFinal ? "Arbeitszeugnis" : "Zwischenzeugnis");
        paragraphs.add(
                isFinal
                        ? name + " war vom " + GermanDates.format(facts.startDate()) + " bis zum "
                                + GermanDates.format(facts.leavingDate()) + " in unserem Unternehmen als "
                                + facts.jobTitle() + where + " tätig."
                        : name + " ist seit dem " + GermanDates.format(facts.startDate())
                                + " in unserem Unternehmen als " + facts.jobTitle() + where + " tätig.");
        if (!facts.tasks().isEmpty()) {
            paragraphs.add(
                    isFinal ? "Zu den Aufgaben gehörten insbesondere:" : "Zu den Aufgaben gehören insbesondere:");
            facts.tasks().forEach(task -> paragraphs.add("– " + task.strip()));
        }
        paragraphs.add(name + " verfügt " + EXPERTISE[ratings.expertise() - 1] + ". "
                + name + " " + RELIABILITY[ratings.reliability() - 1][tense] + ". "
                + name + (isFinal ? " erledigte" : " erledigt") + " die übertragenen Aufgaben "
                + PERFORMANCE[ratings.performance() - 1] + ".");
        paragraphs.add("Das Verhalten gegenüber Vorgesetzten, Kollegen und Kunden "
                + CONDUCT[ratings.conduct() - 1][tense] + ".");
        int overall = ratings.overall();
        if (isFinal) {
            String why = facts.leavingPhrase() == null ? "" : " " + facts.leavingPhrase();
            paragraphs.add(name + " scheidet mit Ablauf des " + GermanDates.format(facts.leavingDate()) + why
                    + " aus unserem Unternehmen aus. " + FINAL_CLOSING[overall - 1].formatted(name));
        } else {
            paragraphs.add("Dieses Zwischenzeugnis wird auf Wunsch von " + name + " ausgestellt. "
                    + INTERIM_CLOSING[overall - 1].formatted(name));
        }
        // The signature block (signer, position, employer) is the document's, not the text's.
        paragraphs.add(facts.city() + ", " + GermanDates.format(facts.datedOn()));
        return paragraphs;
    }
}
