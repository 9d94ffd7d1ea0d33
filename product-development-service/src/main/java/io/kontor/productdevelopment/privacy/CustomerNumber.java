package io.kontor.productdevelopment.privacy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/**
 * A customer's number by id, from accepted offers: how a data-subject request by customer number finds requirements.
 */
@Entity
@Table(name = "customer_number")
public class CustomerNumber extends PanacheEntityBase {

    @Id
    public UUID customerId;

    public String customerNumber;

    public static void remember(UUID customerId, String customerNumber) {
        if (customerId == null || customerNumber == null || findById(customerId) != null) {
            return;
        }
        CustomerNumber entry = new CustomerNumber();
        entry.customerId = customerId;
        entry.customerNumber = customerNumber;
        entry.persist();
    }

    public static List<UUID> idsOf(String customerNumber) {
        return CustomerNumber.<CustomerNumber>list("customerNumber", customerNumber).stream()
                .map(c -> c.customerId)
                .toList();
    }
}
