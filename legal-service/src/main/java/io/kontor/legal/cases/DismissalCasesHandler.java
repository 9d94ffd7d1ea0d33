package io.kontor.legal.cases;

import io.kontor.platform.events.EventMeta;
import io.kontor.platform.events.EventRoutes;
import io.kontor.platform.events.IncomingEvent;
import io.kontor.platform.events.hr.EmployeeDismissed;
import io.kontor.platform.inbox.InboxHandled;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Matters other departments hand to legal (EVENTS.md): an invoice handed to collection, a dispute escalated
 * (accounting), a dismissal by the employer (hr). Each opens one case with its deadlines, however often it arrives.
 */
/**
 * A dismissal by the employer (EVENTS.md, {@code hr.employees}) opens one LABOUR_LAW watch, however often it arrives.
 */
@ApplicationScoped
@Unremovable
public class DismissalCasesHandler {

    static final String SOURCE = "hr-service";

    private static final EventRoutes<DismissalCasesHandler> ROUTES =
            EventRoutes.of(DismissalCasesHandler.class).on(EmployeeDismissed.class, DismissalCasesHandler::dismissed);

    @Inject
    Cases cases;

    @InboxHandled(topics = "hr.employees")
    void on(IncomingEvent event) {
        ROUTES.dispatch(this, event);
    }

    /** A LABOUR_LAW watch: an action against the dismissal is possible until three weeks after receipt (§4 KSchG). */
    void dismissed(EmployeeDismissed dismissed, EventMeta meta) {
        String name = dismissed.firstName() + " " + dismissed.lastName();
        cases.openFromEvent(
                new Cases.Opening(
                        CaseKind.LABOUR_LAW,
                        "Kündigung " + name,
                        "Arbeitgeberkündigung zugegangen am " + dismissed.noticeReceivedOn() + ", Ende des "
                                + "Arbeitsverhältnisses " + dismissed.leavingDate()
                                + (dismissed.department() == null ? "" : ", Abteilung " + dismissed.department())
                                + (dismissed.signedBy() == null ? "" : ", unterzeichnet von " + dismissed.signedBy())
                                + ". Beobachtung: Kündigungsschutzklage binnen drei Wochen nach Zugang (§ 4 KSchG).",
                        "dismissal:" + dismissed.employeeId(),
                        null,
                        null,
                        null,
                        dismissed.employeeId(),
                        null,
                        null,
                        List.of(new Cases.Party(PartyRole.OPPONENT, name, null, null)),
                        List.of(new Cases.Deadline(
                                "Frist für Kündigungsschutzklage läuft ab",
                                Fristen.actionAgainstDismissal(dismissed.noticeReceivedOn()),
                                "§ 4 Satz 1 KSchG; §§ 187 Abs. 1, 188 Abs. 2, 193 BGB"))),
                SOURCE);
    }
}
