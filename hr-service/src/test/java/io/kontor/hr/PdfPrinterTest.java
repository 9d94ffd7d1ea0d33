package io.kontor.hr;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printer itself fetches nothing, whatever HTML it gets: OpenPDF's parser would load an {@code <img src>} from a
 * URL (SSRF) or a local file (issue #24). Qute's escaping is the first guard; this is the second.
 */
class PdfPrinterTest {

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
    void an_image_pointing_at_a_url_is_not_fetched() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/internal.png";

        byte[] pdf = new PdfPrinter()
                .print(
                        "<html><body><p>Sehr geehrte <img src=\"" + url + "\"/> Damen und Herren</p></body></html>",
                        "t");

        assertThat(requests).hasValue(0);
        assertThat(HrApi.pdfText(pdf)).contains("Sehr geehrte", "Damen und Herren");
    }

    @Test
    void an_image_pointing_at_a_local_file_is_not_read(@TempDir Path dir) throws Exception {
        Path secret = Files.write(dir.resolve("secret.png"), new byte[] {1, 2, 3});

        byte[] pdf = new PdfPrinter()
                .print("<html><body><p>Text <img src=\"" + secret.toUri() + "\"/></p></body></html>", "t");

        assertThat(HrApi.pdfText(pdf)).contains("Text");
    }
}
