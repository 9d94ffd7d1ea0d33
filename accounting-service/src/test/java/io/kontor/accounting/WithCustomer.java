package io.kontor.accounting;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.testing.MutableClock;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What an invoice test starts from: a customer of its own in accounting's replica (registered through sales' event),
 * the test clock (given back to the system clock after each test) and the application's JSON mapper.
 */
public abstract class WithCustomer {

    @Inject
    protected SalesEvents sales;

    @Inject
    protected MutableClock clock;

    @Inject
    protected ObjectMapper json;

    protected UUID customerId;

    /** The customer's name, so that a document or mail shows which test made it. */
    protected abstract String customerName();

    @BeforeEach
    void aCustomer() {
        customerId = sales.registerCustomer(customerName(), 14);
    }

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }
}
