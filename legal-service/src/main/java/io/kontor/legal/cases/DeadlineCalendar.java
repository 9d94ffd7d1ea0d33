package io.kontor.legal.cases;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * The open deadlines of all matters as an RFC 5545 calendar (written by ical4j), for the legal team's calendar to
 * subscribe to: one all-day event per deadline on its last day (DTSTART;VALUE=DATE, RFC 5545 §3.6.1), with a UID stable
 * for the deadline so that a calendar refreshing the feed updates instead of duplicating (§3.8.4.7), and transparent
 * (TRANSP, §3.8.2.7): a deadline is no appointment that blocks the day.
 */
final class DeadlineCalendar {

    static final String MEDIA_TYPE = "text/calendar";

    record Entry(CaseDeadline deadline, LegalCase matter) {}

    private DeadlineCalendar() {}

    static String uidOf(CaseDeadline deadline) {
        return "deadline-" + deadline.id + "@kontor-legal";
    }

    static String toIcs(List<Entry> entries, Instant stamp) {
        Calendar calendar = new Calendar()
                .add(new ProdId("-//Kontor//Legal case deadlines//DE"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(new XProperty("X-WR-CALNAME", "Fristen Rechtsabteilung"));
        for (Entry entry : entries) {
            CaseDeadline deadline = entry.deadline();
            LegalCase matter = entry.matter();
            LocalDate day = deadline.dueOn;
            VEvent event =
                    new VEvent(day, day.plusDays(1), "Frist: " + deadline.title + " (" + matter.caseNumber + ")");
            // DTSTAMP is when the deadline was entered, not when the feed was fetched: the same feed reads the same
            // twice.
            event.replace(new DtStamp(deadline.createdAt == null ? stamp : deadline.createdAt));
            event.add(new Uid(uidOf(deadline)));
            event.add(ImmutableTransp.TRANSPARENT);
            event.add(new Description(matter.caseNumber + " " + matter.title + " [" + matter.kind + "]"
                    + (deadline.basis == null ? "" : "\nGrundlage: " + deadline.basis)));
            calendar.add(event);
        }
        StringWriter ics = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, ics);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("the deadline calendar is not valid iCalendar", e);
        }
        return ics.toString();
    }
}
