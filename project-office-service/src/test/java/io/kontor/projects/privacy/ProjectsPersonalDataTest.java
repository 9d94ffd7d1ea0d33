package io.kontor.projects.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.platform.events.hr.EmployeeLeft;
import io.kontor.platform.events.hr.EmployeeOnboarded;
import io.kontor.platform.events.privacy.DataSubject;
import io.kontor.platform.events.sales.Address;
import io.kontor.platform.events.sales.CustomerRegistered;
import io.kontor.platform.events.sales.CustomerType;
import io.kontor.projects.directory.Customer;
import io.kontor.projects.directory.StaffMember;
import io.kontor.testing.TestEvents;
import io.kontor.testing.TestPrivacy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Plays legal, hr and sales: the project office answers data-subject requests (GDPR Art. 15, 17) from its staff
 * directory and customer replica, erasing a former employee with its own {@code StaffErasure}.
 */
@QuarkusTest
class ProjectsPersonalDataTest {

    @Inject
    TestEvents events;

    @Inject
    TestPrivacy privacy;

    @Test
    void an_employee_is_exported_kept_while_employed_and_erased_after_leaving() {
        UUID id = UUID.randomUUID();
        String email = "paula." + id.toString().substring(0, 8) + "@kontor.example";
        events.send(
                "hr-service",
                new EmployeeOnboarded(id, "Paula", "Projekt", email, "Beraterin", "IT", LocalDate.of(2025, 1, 1)));
        awaitStaff(id, m -> m != null);

        JsonNode access = privacy.ask("ACCESS", new DataSubject(null, email.toUpperCase(), null, null, null));
        assertThat(access.path("records").get(0).path("category").asText()).isEqualTo("staff-directory");
        assertThat(access.path("records")
                        .get(0)
                        .path("records")
                        .get(0)
                        .path("lastName")
                        .asText())
                .isEqualTo("Projekt");

        JsonNode employed = privacy.ask("ERASURE", new DataSubject(null, null, null, id.toString(), null));
        assertThat(employed.path("actions").get(0).path("outcome").asText()).isEqualTo("KEPT");
        assertThat(employed.path("actions").get(0).path("reason").asText()).contains("§26 (1) BDSG");

        events.send("hr-service", new EmployeeLeft(id, LocalDate.now().minusDays(2)));
        awaitStaff(id, m -> m.leavingDate != null);
        JsonNode left = privacy.ask("ERASURE", new DataSubject(null, null, null, id.toString(), null));

        assertThat(left.path("actions").get(0).path("outcome").asText()).isEqualTo("ERASED");
        StaffMember erased = QuarkusTransaction.requiringNew().call(() -> StaffMember.findById(id));
        assertThat(erased.lastName).isNull();
        assertThat(erased.email).isNull();
        assertThat(erased.erasedOn).isNotNull();
    }

    @Test
    void an_erased_customer_keeps_only_id_and_number_and_no_later_event_brings_the_name_back() {
        UUID id = UUID.randomUUID();
        String number = "K-" + id.toString().substring(0, 6);
        CustomerRegistered registered = new CustomerRegistered(
                id,
                number,
                "Erika Verbraucherin",
                CustomerType.CONSUMER,
                "erika@example.org",
                null,
                14,
                new Address("Weg 1", "10115", "Berlin", "DE"));
        events.send("sales-backoffice-service", registered);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Customer.findById(id) != null));

        JsonNode answer = privacy.ask("ERASURE", new DataSubject(null, null, number, null, null));

        assertThat(answer.path("actions").get(0).path("category").asText()).isEqualTo("customer");
        assertThat(answer.path("actions").get(0).path("outcome").asText()).isEqualTo("ERASED");
        // The compacted sales.customers topic may hand the old state to the replica again: it must not return.
        String redelivered = events.send("sales-backoffice-service", registered);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed(redelivered));
        JsonNode again = privacy.ask("ACCESS", new DataSubject(null, null, number, null, null));
        assertThat(again.path("records")
                        .get(0)
                        .path("records")
                        .get(0)
                        .path("name")
                        .asText())
                .isEqualTo(Customer.ERASED);
    }

    private static boolean consumed(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                                        .createNativeQuery("select count(*) from inbox where event_id = ?1")
                                        .setParameter(1, eventId)
                                        .getSingleResult())
                                .longValue()
                        > 0);
    }

    private static void awaitStaff(UUID id, Predicate<StaffMember> condition) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> condition.test(StaffMember.<StaffMember>findById(id))));
    }
}
