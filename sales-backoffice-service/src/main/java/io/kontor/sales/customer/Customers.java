package io.kontor.sales.customer;

import io.kontor.platform.events.sales.CustomerSnapshot;
import io.kontor.platform.outbox.Outbox;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Registering, changing and finding customers; every change is published on {@code sales.customers}. */
@ApplicationScoped
public class Customers {

    @Inject
    BusinessCalendar calendar;

    @Inject
    Outbox outbox;

    @Inject
    CustomerNumbers numbers;

    @Inject
    Clock clock;

    @Inject
    VatIdConfirmation vies;

    @Transactional
    public Customer register(CustomerRequest request, String registeredBy) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.registeredBy = registeredBy;
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
        Customer customer = Found.lockedById(Customer.class, id, "customer");
        CustomerSnapshot before = customer.snapshot();
        apply(request, customer);
        if (!customer.snapshot().equals(before)) {
            customer.updatedAt = Instant.now(clock);
            outbox.publish(customer.updated());
        }
        return customer;
    }

    /**
     * Asks VIES whether the customer's VAT id is assigned and stores the answer with the customer. Not a change of the
     * master data: nothing is published. The question goes out before the row is locked, so a slow register holds no
     * lock; an answer about a VAT id changed meanwhile is dropped.
     */
    public Customer confirmVatId(UUID id) {
        Customer customer = get(id);
        if (customer.vatId == null) {
            throw new ConflictProblem("customer " + customer.customerNumber + " has no VAT id to confirm");
        }
        String asked = customer.vatId;
        VatIdConfirmation.Result answer = vies.confirm(asked);
        return QuarkusTransaction.requiringNew().call(() -> {
            Customer locked = Found.lockedById(Customer.class, id, "customer");
            if (!asked.equals(locked.vatId)) {
                throw new ConflictProblem(
                        "the VAT id of customer " + locked.customerNumber + " changed while VIES was asked; ask again");
            }
            locked.vatIdValid = answer.valid();
            locked.vatIdCheckedOn = answer.requestDate() != null ? answer.requestDate() : calendar.today();
            locked.vatIdRegisteredName = answer.name();
            locked.vatIdRegisteredAddress = answer.address();
            locked.vatIdRequestIdentifier = answer.requestIdentifier();
            return locked;
        });
    }

    public Customer get(UUID id) {
        return Found.byId(Customer.class, id, "customer");
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

    /**
     * §27a UStG: a VAT id is issued by the member state the business is established in, so it belongs to the billing
     * country; one from elsewhere is a mix-up, and on an invoice it would misstate the treatment.
     */
    private static void refuseForeignVatId(CustomerRequest request) {
        String vatId = VatIdFormat.normalize(request.vatId());
        if (vatId == null || request.billingAddress() == null) {
            return;
        }
        String country = request.billingAddress().country();
        if (!VatIdFormat.countryOf(vatId).equals(country)) {
            throw new InvalidFieldProblem(
                    "vatId",
                    "is a VAT id of " + vatId.substring(0, 2) + ", but the billing address is in " + country
                            + "; a VAT id belongs to the country the customer is established in");
        }
    }

    private static void apply(CustomerRequest request, Customer customer) {
        refuseForeignVatId(request);
        if (!java.util.Objects.equals(customer.vatId, VatIdFormat.normalize(request.vatId()))) {
            // VIES's answer was about the old id.
            customer.vatIdValid = null;
            customer.vatIdCheckedOn = null;
            customer.vatIdRegisteredName = null;
            customer.vatIdRegisteredAddress = null;
            customer.vatIdRequestIdentifier = null;
        }
        customer.name = request.name().strip();
        customer.type = request.type();
        customer.email = request.email().strip();
        customer.invoiceEmail =
                request.invoiceEmail() == null || request.invoiceEmail().isBlank()
                        ? null
                        : request.invoiceEmail().strip();
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
