package io.kontor.process.monitor;

import io.kontor.platform.events.accounting.DunningNoticeIssued;
import io.kontor.platform.events.accounting.InvoiceIssued;
import io.kontor.platform.events.accounting.InvoiceOverdue;
import io.kontor.platform.events.accounting.InvoicePaid;
import io.kontor.platform.events.accounting.PaymentReceived;
import io.kontor.platform.events.hr.ApplicationReceived;
import io.kontor.platform.events.hr.CandidateHired;
import io.kontor.platform.events.projects.StaffingRequested;
import io.kontor.platform.events.sales.OfferAccepted;
import io.kontor.platform.events.sales.OfferSent;
import io.kontor.testing.TestEvents;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The other services' events of whole flows, at chosen times, as their outboxes would publish them. */
final class Flows {

    private final TestEvents events;

    Flows(TestEvents events) {
        this.events = events;
    }

    /** Offer sent at {@code start}, accepted a day later, invoiced two days later, paid ten days after that. */
    UUID quoteToCash(Instant start, boolean paid) {
        UUID offer = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        send(
                "sales-backoffice-service",
                record(OfferSent.class, Map.of("offerId", offer, "customerId", customer)),
                start);
        send(
                "sales-backoffice-service",
                record(OfferAccepted.class, Map.of("offerId", offer, "customerId", customer)),
                start.plus(Duration.ofDays(1)));
        send(
                "accounting-service",
                record(InvoiceIssued.class, Map.of("invoiceId", invoice, "offerId", offer, "customerId", customer)),
                start.plus(Duration.ofDays(3)));
        if (paid) {
            send(
                    "accounting-service",
                    record(
                            PaymentReceived.class,
                            Map.of("invoiceId", invoice, "offerId", offer, "paymentId", UUID.randomUUID())),
                    start.plus(Duration.ofDays(13)));
            send(
                    "accounting-service",
                    record(InvoicePaid.class, Map.of("invoiceId", invoice, "offerId", offer)),
                    start.plus(Duration.ofDays(13)));
        }
        return offer;
    }

    /** An invoice overdue at {@code start}, a dunning notice a week later (its events name only the invoice). */
    UUID dunning(Instant start) {
        UUID invoice = UUID.randomUUID();
        send("accounting-service", record(InvoiceOverdue.class, Map.of("invoiceId", invoice)), start);
        send(
                "accounting-service",
                record(DunningNoticeIssued.class, Map.of("invoiceId", invoice)),
                start.plus(Duration.ofDays(7)));
        return invoice;
    }

    /** A staffing request; two applications to an opening whose request is known only from the hire. */
    UUID staffing(Instant start) {
        UUID request = UUID.randomUUID();
        UUID opening = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        send(
                "project-office-service",
                record(StaffingRequested.class, Map.of("staffingRequestId", request, "projectId", UUID.randomUUID())),
                start);
        send(
                "hr-service",
                record(ApplicationReceived.class, Map.of("applicationId", first, "jobOpeningId", opening)),
                start.plus(Duration.ofDays(5)));
        send(
                "hr-service",
                record(ApplicationReceived.class, Map.of("applicationId", UUID.randomUUID(), "jobOpeningId", opening)),
                start.plus(Duration.ofDays(6)));
        send(
                "hr-service",
                record(
                        CandidateHired.class,
                        Map.of(
                                "applicationId", first,
                                "jobOpeningId", opening,
                                "staffingRequestId", request,
                                "employeeId", UUID.randomUUID())),
                start.plus(Duration.ofDays(20)));
        return request;
    }

    void send(String producer, io.kontor.platform.events.DomainEvent event, Instant at) {
        events.send(producer, event, UUID.randomUUID().toString(), at);
    }

    /**
     * A record with the given components and plain values for the rest: the monitor reads ids only, and the flows stay
     * readable without every field of every event.
     */
    static <T extends Record> T record(Class<T> type, Map<String, Object> given) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> c = components[i].getType();
            Object value = given.get(components[i].getName());
            if (value == null) {
                value = c == String.class
                        ? "X-" + i
                        : c == BigDecimal.class
                                ? new BigDecimal("100.00")
                                : c == LocalDate.class
                                        ? LocalDate.of(2026, 3, 1)
                                        : c == Instant.class
                                                ? Instant.parse("2026-03-01T08:00:00Z")
                                                : c == int.class ? 1 : c == List.class ? List.of() : null;
                if (c == UUID.class) {
                    value = null;
                }
            }
            values[i] = value;
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(java.util.Arrays.stream(components)
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " cannot be built", e);
        }
    }
}
