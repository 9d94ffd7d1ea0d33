package io.kontor.sales.customer;

import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.web.Page;
import io.kontor.sales.Paging;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Registering, changing and finding customers; every change is published on {@code sales.customers}. */
@ApplicationScoped
public class Customers {

    @Inject
    Outbox outbox;

    @Inject
    CustomerNumbers numbers;

    @Inject
    Clock clock;

    @Transactional
    public Customer register(CustomerRequest request) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.billingAddress = new BillingAddress();
        apply(request, customer);
        customer.creditHold = false;
        customer.createdAt = Instant.now(clock);
        customer.updatedAt = customer.createdAt;
        customer.customerNumber = numbers.next();
        customer.persist();
        outbox.publish(customer.registered());
        return customer;
    }

    /**
     * Replaces the customer's master data. The row is locked first, so that of two concurrent updates the one that
     * commits last also publishes last, and every replica ends with the state sales has.
     */
    @Transactional
    public Customer update(UUID id, CustomerRequest request) {
        Customer customer = Customer.<Customer>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundProblem("customer", id));
        CustomerSnapshot before = customer.snapshot();
        apply(request, customer);
        if (!customer.snapshot().equals(before)) {
            customer.updatedAt = Instant.now(clock);
            outbox.publish(customer.updated());
        }
        return customer;
    }

    public Customer get(UUID id) {
        return Customer.<Customer>findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("customer", id));
    }

    /** Customers whose name, number or e-mail contains {@code text} (any case), by customer number. */
    public Page<CustomerView> search(String text, int page, int size) {
        PanacheQuery<Customer> query;
        if (text == null || text.isBlank()) {
            query = Customer.findAll(Sort.by("customerNumber"));
        } else {
            query = Customer.find(
                    "lower(name) like ?1 escape '!' or lower(customerNumber) like ?1 escape '!'"
                            + " or lower(email) like ?1 escape '!'",
                    Sort.by("customerNumber"),
                    containing(text));
        }
        return Paging.page(query, page, size, CustomerView::of);
    }

    private static void apply(CustomerRequest request, Customer customer) {
        customer.name = request.name().strip();
        customer.type = request.type();
        customer.email = request.email().strip();
        customer.vatId = VatIdFormat.normalize(request.vatId());
        customer.paymentTermDays = request.paymentTermDaysOrDefault();
        customer.billingAddress.street = request.billingAddress().street().strip();
        customer.billingAddress.postalCode =
                request.billingAddress().postalCode().strip();
        customer.billingAddress.city = request.billingAddress().city().strip();
        customer.billingAddress.country = request.billingAddress().country();
        customer.buyerReference =
                request.buyerReference() == null || request.buyerReference().isBlank()
                        ? null
                        : request.buyerReference().strip();
    }

    /** A LIKE pattern matching {@code text} literally, wildcards in it included. */
    private static String containing(String text) {
        String escaped = text.strip()
                .toLowerCase(Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + escaped + "%";
    }
}
