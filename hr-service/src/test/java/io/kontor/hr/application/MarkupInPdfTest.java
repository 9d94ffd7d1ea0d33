package io.kontor.hr.application;

import static io.kontor.hr.HrApi.advance;
import static io.kontor.hr.HrApi.apply;
import static io.kontor.hr.HrApi.as;
import static io.kontor.hr.HrApi.openPosition;
import static io.kontor.hr.HrApi.pdfText;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job title (typed by hr) and a candidate name (typed by anyone on the careers site) with an {@code <img src>} in
 * them reach a rejection letter as text: the service fetches nothing (SSRF, local file read; issue #24).
 */
@QuarkusTest
class MarkupInPdfTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void aServerThatCountsWhoAsks() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void an_img_tag_in_a_job_title_and_a_candidate_name_is_printed_as_text_and_fetches_nothing() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String opening = openPosition("Lagerist <img src=" + base + "/title.png>");
        String application = apply(opening, "<img src=" + base + "/name.png>", "Bild");
        advance(application, "REJECTED");

        byte[] letter = as("hr").get("/applications/" + application + "/rejection-letter")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();

        assertThat(requests).as("requests the service made for an image").hasValue(0);
        assertThat(pdfText(letter).replaceAll("\\s+", " "))
                .contains("Lagerist <img src=" + base + "/title.png>")
                .contains("<img src=" + base + "/name.png>");
    }
}
