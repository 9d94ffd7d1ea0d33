package io.kontor.accounting.invoice;

import static io.kontor.accounting.invoice.InvoiceApi.INVOICES;
import static io.kontor.accounting.invoice.InvoiceApi.asAccounting;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.accounting.SalesEvents;
import io.kontor.testing.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InvoiceNumberingTest {

    @Inject
    SalesEvents sales;

    @Inject
    MutableClock clock;

    @AfterEach
    void followTheSystemClockAgain() {
        clock.reset();
    }

    @Test
    void fifty_invoices_issued_concurrently_get_consecutive_numbers_without_gaps_or_duplicates() throws Exception {
        // A year no other test issues in, so that the numbers must be exactly 1 to 50.
        clock.set(Instant.parse("2031-03-02T09:00:00Z"));
        UUID customerId = sales.registerCustomer("Parallel GmbH", 14);
        List<String> drafts = IntStream.range(0, 50)
                .mapToObj(i -> InvoiceApi.draft(customerId))
                .toList();

        List<Response> answers = allAtOnce(drafts.stream()
                .<Callable<Response>>map(id -> () -> asAccounting().when().post(INVOICES + "/" + id + "/issue"))
                .toList());

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        List<String> numbers = answers.stream()
                .map(answer -> answer.<String>path("invoiceNumber"))
                .toList();
        assertThat(numbers)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 50)
                        .mapToObj(n -> "RE-2031-%06d".formatted(n))
                        .toList());
    }

    @Test
    void one_draft_issued_twice_at_once_gets_one_number_and_the_other_caller_a_conflict() throws Exception {
        clock.set(Instant.parse("2034-05-02T09:00:00Z"));
        UUID customerId = sales.registerCustomer("Doppelt GmbH", 14);
        String draft = InvoiceApi.draft(customerId);
        Callable<Response> issue = () -> asAccounting().when().post(INVOICES + "/" + draft + "/issue");

        List<Response> answers = allAtOnce(List.of(issue, issue));

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
        Response issued = answers.stream()
                .filter(answer -> answer.statusCode() == 200)
                .findFirst()
                .orElseThrow();
        assertThat(issued.<String>path("invoiceNumber")).isEqualTo("RE-2034-000001");
        // The loser took no number: the next invoice of the year is 2, not 3.
        String next = InvoiceApi.draft(customerId);
        assertThat(asAccounting()
                        .when()
                        .post(INVOICES + "/" + next + "/issue")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("invoiceNumber"))
                .isEqualTo("RE-2034-000002");
    }

    /** Starts every call at the same moment and returns the answers in call order. */
    private static List<Response> allAtOnce(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
