package io.kontor.projects.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.UUID;

/** A customer's number and name as sales announced them (a read replica): projects show whom they are for. */
@Entity
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;

    public String customerNumber;
    public String name;

    /** The day the person was erased on their request (Art. 17 GDPR); from then on the name is a placeholder. */
    public LocalDate erasedOn;

    /** What the project office shows where an erased customer's name stood. */
    public static final String ERASED = "gelöscht (Art. 17 DSGVO)";

    /** The customer's name, or null when sales has not told us about this customer (yet). */
    public static String nameOf(UUID customerId) {
        if (customerId == null) {
            return null;
        }
        Customer customer = findById(customerId);
        return customer == null ? null : customer.name;
    }

    /**
     * Keeps the newest name; {@code onlyIfUnknown} for names that may be older than what we have (an offer's snapshot).
     */
    public static void remember(UUID id, String customerNumber, String name, boolean onlyIfUnknown) {
        Customer customer = findById(id);
        if (customer == null) {
            customer = new Customer();
            customer.id = id;
            customer.customerNumber = customerNumber;
            customer.name = name;
            customer.persist();
        } else if (!onlyIfUnknown && customer.erasedOn == null) {
            customer.customerNumber = customerNumber;
            customer.name = name;
        }
    }
}
