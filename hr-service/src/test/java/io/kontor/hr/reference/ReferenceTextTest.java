package io.kontor.hr.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.hr.personnel.LeavingReason;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceTextTest {

    /**
     * What a reader of German references looks for, per aspect and grade 1..5, written independently of the builder.
     * Some phrases of a better grade contain a worse grade's words ("stets zu unserer vollen Zufriedenheit" contains
     * "zu unserer vollen Zufriedenheit"), so a pattern excludes the words that would make it another grade.
     */
    private static final Map<String, List<String>> PHRASES = Map.of(
            "performance",
                    List.of(
                            "stets zu unserer vollsten Zufriedenheit",
                            "stets zu unserer vollen Zufriedenheit",
                            "(?<!stets )zu unserer vollen Zufriedenheit",
                            "(?<!Ganzen )zu unserer Zufriedenheit",
                            "im Großen und Ganzen zu unserer Zufriedenheit"),
            "expertise",
                    List.of(
                            "hervorragendes und umfassendes Fachwissen",
                            "umfassendes und fundiertes Fachwissen",
                            "solides Fachwissen",
                            "das erforderliche Fachwissen",
                            "Grundkenntnisse"),
            "reliability",
                    List.of(
                            "stets äußerst zuverlässig und gewissenhaft",
                            "stets zuverlässig und gewissenhaft",
                            "arbeitete? zuverlässig und gewissenhaft",
                            "im Allgemeinen zuverlässig",
                            "bemühte? sich, zuverlässig zu arbeiten"),
            "conduct",
                    List.of(
                            "(war|ist) stets vorbildlich",
                            "(war|ist) stets einwandfrei",
                            "(war|ist) einwandfrei",
                            "zu Beanstandungen keinen Anlass",
                            "im Wesentlichen einwandfrei"),
            "final closing",
                    List.of(
                            "Wir bedauern das Ausscheiden von Anna Schmidt sehr, danken für die stets hervorragende Zusammenarbeit",
                            "Wir bedauern das Ausscheiden von Anna Schmidt, danken für die sehr gute Zusammenarbeit",
                            "Wir danken Anna Schmidt für die gute Zusammenarbeit",
                            "Wir danken Anna Schmidt für die Zusammenarbeit",
                            "Wir wünschen Anna Schmidt für die Zukunft alles Gute"),
            "interim closing",
                    List.of(
                            "bisher stets hervorragenden Leistungen",
                            "bisher sehr guten Leistungen",
                            "bisher guten Leistungen",
                            "für die bisherige Mitarbeit",
                            "Wir wünschen Anna Schmidt für die weitere Tätigkeit"));

    @ParameterizedTest(name = "{0} reference, all grades {1}")
    @CsvSource({
        "FINAL, 1",
        "FINAL, 2",
        "FINAL, 3",
        "FINAL, 4",
        "FINAL, 5",
        "INTERIM, 1",
        "INTERIM, 2",
        "INTERIM, 3",
        "INTERIM, 4",
        "INTERIM, 5"
    })
    void each_grade_has_its_phrase_and_no_other_grades(ReferenceKind kind, int grade) {
        String text = String.join("\n", ReferenceText.write(facts(kind, new Ratings(grade, grade, grade, grade))));

        String closing = kind == ReferenceKind.FINAL ? "final closing" : "interim closing";
        String otherClosing = kind == ReferenceKind.FINAL ? "interim closing" : "final closing";
        PHRASES.forEach((aspect, phrases) -> {
            for (int other = 1; other <= 5; other++) {
                boolean expected = other == grade && !aspect.equals(otherClosing);
                assertThat(Pattern.compile(phrases.get(other - 1)).matcher(text).find())
                        .as("%s phrase of grade %d in a grade %d %s reference:%n%s", aspect, other, grade, kind, text)
                        .isEqualTo(expected);
            }
        });
        assertThat(PHRASES).containsKey(closing);
    }

    @Test
    void each_aspect_is_phrased_by_its_own_grade() {
        String text = String.join("\n", ReferenceText.write(facts(ReferenceKind.FINAL, new Ratings(1, 3, 4, 2))));

        assertThat(text)
                .contains(
                        "stets zu unserer vollsten Zufriedenheit",
                        "solides Fachwissen",
                        "im Allgemeinen zuverlässig",
                        "war stets einwandfrei");
        // mean 2.5: a benevolent reference takes the better grade for the closing
        assertThat(text)
                .contains("Wir bedauern das Ausscheiden von Anna Schmidt, danken für die sehr gute Zusammenarbeit");
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} → {4}")
    @CsvSource({
        "1, 1, 1, 1, 1",
        "1, 1, 2, 2, 1",
        "1, 2, 2, 2, 2",
        "2, 3, 3, 2, 2",
        "3, 3, 3, 2, 3",
        "4, 4, 5, 5, 4",
        "4, 5, 5, 5, 5",
        "5, 5, 5, 5, 5"
    })
    void the_overall_grade_is_the_mean_rounded_to_the_better_grade_at_half(int p, int e, int r, int c, int overall) {
        assertThat(new Ratings(p, e, r, c).overall()).isEqualTo(overall);
    }

    @Test
    void a_final_reference_names_the_period_the_tasks_and_the_leaving_date() {
        List<String> paragraphs = ReferenceText.write(facts(ReferenceKind.FINAL, new Ratings(2, 2, 2, 2)));

        assertThat(paragraphs.get(0)).isEqualTo("Arbeitszeugnis");
        assertThat(paragraphs).contains("– Betrieb der Kafka-Cluster", "– Einarbeitung neuer Kollegen");
        assertThat(String.join("\n", paragraphs))
                .contains(
                        "vom 01.04.2024 bis zum 31.03.2027",
                        "Abteilung IT",
                        "scheidet mit Ablauf des 31.03.2027 aus unserem Unternehmen aus");
        assertThat(paragraphs.get(paragraphs.size() - 1)).isEqualTo("Hamburg, 31.03.2027");
    }

    /**
     * §109 GewO: the reason for leaving, in the words that do the employee no harm; after a dismissal none, since a
     * reference must not hinder the next application (§109(2) GewO).
     */
    @ParameterizedTest(name = "§109 GewO: {0} → \"{1}\"")
    @CsvSource(
            nullValues = "-",
            value = {
                "RESIGNATION,      scheidet mit Ablauf des 31.03.2027 auf eigenen Wunsch aus unserem Unternehmen aus",
                "MUTUAL_AGREEMENT, scheidet mit Ablauf des 31.03.2027 im gegenseitigen Einvernehmen aus",
                "FIXED_TERM_ENDED, scheidet mit Ablauf des 31.03.2027 wegen des Endes der vereinbarten Befristung aus",
                "RETIREMENT,       scheidet mit Ablauf des 31.03.2027 wegen des Eintritts in den Ruhestand aus",
                "DISMISSAL,        scheidet mit Ablauf des 31.03.2027 aus unserem Unternehmen aus",
            })
    void a_final_reference_gives_the_reason_for_leaving_only_in_harmless_words(LeavingReason reason, String sentence) {
        ReferenceText.Facts base = facts(ReferenceKind.FINAL, new Ratings(2, 2, 2, 2));
        ReferenceText.Facts facts = new ReferenceText.Facts(
                base.kind(),
                base.employeeName(),
                base.jobTitle(),
                base.department(),
                base.startDate(),
                base.leavingDate(),
                reason.referencePhrase(),
                base.tasks(),
                base.ratings(),
                base.city(),
                base.datedOn());

        String text = String.join("\n", ReferenceText.write(facts));

        assertThat(text).contains(sentence).doesNotContain("Kündigung", "gekündigt");
    }

    @Test
    void an_interim_reference_speaks_in_the_present_and_says_why_it_was_issued() {
        String text = String.join("\n", ReferenceText.write(facts(ReferenceKind.INTERIM, new Ratings(2, 2, 2, 2))));

        assertThat(text)
                .startsWith("Zwischenzeugnis")
                .contains("ist seit dem 01.04.2024", "auf Wunsch von Anna Schmidt", "arbeitet stets zuverlässig")
                .doesNotContain("scheidet", "erledigte");
    }

    private static ReferenceText.Facts facts(ReferenceKind kind, Ratings ratings) {
        return new ReferenceText.Facts(
                kind,
                "Anna Schmidt",
                "Systemadministratorin",
                "IT",
                LocalDate.of(2024, 4, 1),
                kind == ReferenceKind.FINAL ? LocalDate.of(2027, 3, 31) : null,
                null,
                List.of("Betrieb der Kafka-Cluster", "Einarbeitung neuer Kollegen"),
                ratings,
                "Hamburg",
                LocalDate.of(2027, 3, 31));
    }
}
