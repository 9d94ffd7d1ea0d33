package io.kontor.process.monitor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A process as Kontor runs it: the event that starts a case (and the object it is about), the steps by event type, and
 * when a case is done. Cases are correlated by objects: an event joins the case of any object it names.
 */
public record ProcessDefinition(
        String name,
        String title,
        String rootType,
        String startType,
        Map<String, String> steps,
        Set<String> endTypes,
        /**
         * Done also when each of these is matched by as many of {@code settledBy} (every invoice paid or cancelled).
         */
        String openedBy,
        Set<String> settledBy,
        /** The object types that tie an event to a case; a customer is shared by many cases and ties nothing. */
        Set<String> correlateBy,
        /** What may follow what, {@code "Offer sent > Offer accepted"}: the process map's arrows. */
        List<String> follows) {

    public static final List<ProcessDefinition> ALL = List.of(
            new ProcessDefinition(
                    "quote-to-cash",
                    "Quote to cash: offer, acceptance, invoices, payments, dunning",
                    "offer",
                    "kontor.sales.offer-sent.v1",
                    steps(
                            "kontor.sales.offer-sent.v1", "Offer sent",
                            "kontor.sales.offer-accepted.v1", "Offer accepted",
                            "kontor.sales.offer-rejected.v1", "Offer rejected",
                            "kontor.sales.offer-expired.v1", "Offer expired",
                            "kontor.accounting.invoice-issued.v1", "Invoice issued",
                            "kontor.accounting.payment-received.v1", "Payment received",
                            "kontor.accounting.invoice-overdue.v1", "Invoice overdue",
                            "kontor.accounting.dunning-notice-issued.v1", "Dunning notice issued",
                            "kontor.accounting.invoice-paid.v1", "Invoice paid",
                            "kontor.accounting.invoice-cancelled.v1", "Invoice cancelled"),
                    Set.of("kontor.sales.offer-rejected.v1", "kontor.sales.offer-expired.v1"),
                    "kontor.accounting.invoice-issued.v1",
                    Set.of("kontor.accounting.invoice-paid.v1", "kontor.accounting.invoice-cancelled.v1"),
                    Set.of("offer", "invoice"),
                    List.of(
                            "Offer sent > Offer accepted",
                            "Offer sent > Offer rejected",
                            "Offer sent > Offer expired",
                            "Offer accepted > Invoice issued",
                            "Invoice issued > Payment received",
                            "Invoice issued > Invoice overdue",
                            "Invoice issued > Invoice cancelled",
                            "Invoice overdue > Dunning notice issued",
                            "Dunning notice issued > Payment received",
                            "Payment received > Invoice paid")),
            new ProcessDefinition(
                    "dunning",
                    "Dunning: an overdue invoice, its notices, until paid or cancelled",
                    "invoice",
                    "kontor.accounting.invoice-overdue.v1",
                    steps(
                            "kontor.accounting.invoice-overdue.v1", "Invoice overdue",
                            "kontor.accounting.dunning-notice-issued.v1", "Dunning notice issued",
                            "kontor.accounting.payment-received.v1", "Payment received",
                            "kontor.accounting.invoice-paid.v1", "Invoice paid",
                            "kontor.accounting.invoice-cancelled.v1", "Invoice cancelled"),
                    Set.of("kontor.accounting.invoice-paid.v1", "kontor.accounting.invoice-cancelled.v1"),
                    null,
                    Set.of(),
                    Set.of("invoice"),
                    List.of(
                            "Invoice overdue > Dunning notice issued",
                            "Invoice overdue > Payment received",
                            "Dunning notice issued > Payment received",
                            "Dunning notice issued > Invoice cancelled",
                            "Payment received > Invoice paid")),
            new ProcessDefinition(
                    "staffing-to-hire",
                    "Staffing to hire: a staffing request, its opening's applications, the hire",
                    "staffing-request",
                    "kontor.projects.staffing-requested.v1",
                    steps(
                            "kontor.projects.staffing-requested.v1", "Staffing requested",
                            "kontor.hr.application-received.v1", "Application received",
                            "kontor.hr.candidate-rejected.v1", "Candidate rejected",
                            "kontor.hr.candidate-hired.v1", "Candidate hired"),
                    Set.of("kontor.hr.candidate-hired.v1"),
                    null,
                    Set.of(),
                    Set.of("staffing-request", "job-opening", "application"),
                    List.of(
                            "Staffing requested > Application received",
                            "Application received > Candidate rejected",
                            "Application received > Candidate hired")));

    public static ProcessDefinition named(String name) {
        return ALL.stream().filter(p -> p.name.equals(name)).findFirst().orElse(null);
    }

    /** The event type of a step by its name. */
    public String typeOf(String step) {
        return steps.entrySet().stream()
                .filter(e -> e.getValue().equals(step))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " has no step " + step));
    }

    public String step(String eventType) {
        return steps.get(eventType);
    }

    private static Map<String, String> steps(String... typesAndNames) {
        Map<String, String> steps = new LinkedHashMap<>();
        for (int i = 0; i < typesAndNames.length; i += 2) {
            steps.put(typesAndNames[i], typesAndNames[i + 1]);
        }
        return steps;
    }
}
