package io.kontor.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.gateway.InjectStubServices;
import io.kontor.gateway.StubService;
import io.kontor.gateway.StubServices;
import io.kontor.gateway.StubServicesResource;
import io.kontor.platform.security.Roles;
import io.kontor.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.buffer.Buffer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StubServicesResource.class)
class StreamingTest {

    private static final int ONE_MEGABYTE = 1024 * 1024;

    @InjectStubServices
    StubServices services;

    @BeforeEach
    void freshStubs() {
        services.reset();
    }

    @Test
    void a_megabyte_of_pdf_goes_through_unchanged_both_ways() {
        byte[] pdf = randomBytes(ONE_MEGABYTE, 7);

        byte[] answered = given().header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                .contentType("application/pdf")
                .body(pdf)
                .when()
                .post("/api/v1/accounting/bank-statements")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();

        assertThat(services.accounting().lastReceived().body().getBytes())
                .as("bytes at the service")
                .isEqualTo(pdf);
        assertThat(answered).as("bytes back at the caller").isEqualTo(pdf);
    }

    @Test
    void a_download_reaches_the_caller_while_the_service_is_still_sending_it() throws Exception {
        byte[] document = randomBytes(ONE_MEGABYTE, 11);
        int firstPart = 256 * 1024;
        CompletableFuture<Void> restMayFollow = new CompletableFuture<>();
        services.hr().answer(request -> {
            request.response().setChunked(true).putHeader("Content-Type", "application/pdf");
            request.response().write(Buffer.buffer(Arrays.copyOfRange(document, 0, firstPart)));
            // The rest only once the caller holds the first part: a gateway that buffers whole bodies never gets it.
            restMayFollow.thenRun(() ->
                    request.response().end(Buffer.buffer(Arrays.copyOfRange(document, firstPart, document.length))));
        });

        HttpResponse<InputStream> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .sendAsync(
                        HttpRequest.newBuilder(gateway("/api/v1/hr/contracts/5/document"))
                                .header("Authorization", TestTokens.bearer(Roles.HR))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream())
                .get(5, TimeUnit.SECONDS);
        try (InputStream body = response.body()) {
            byte[] head =
                    CompletableFuture.supplyAsync(() -> readN(body, firstPart)).get(5, TimeUnit.SECONDS);
            restMayFollow.complete(null);
            byte[] tail = CompletableFuture.supplyAsync(() -> readN(body, document.length - firstPart))
                    .get(5, TimeUnit.SECONDS);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(head).isEqualTo(Arrays.copyOfRange(document, 0, firstPart));
            assertThat(tail).isEqualTo(Arrays.copyOfRange(document, firstPart, document.length));
            assertThat(body.read()).as("end of body").isEqualTo(-1);
        } finally {
            restMayFollow.complete(null);
        }
    }

    @Test
    void an_upload_that_waits_for_100_continue_is_not_held_up() throws Exception {
        byte[] statement = randomBytes(200 * 1024, 13);

        HttpResponse<byte[]> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .sendAsync(
                        HttpRequest.newBuilder(gateway("/api/v1/accounting/bank-statements"))
                                .header("Authorization", TestTokens.bearer(Roles.ACCOUNTING))
                                .header("Content-Type", "application/xml")
                                .expectContinue(true)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(statement))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .get(5, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(statement);
        StubService.Received received = services.accounting().lastReceived();
        assertThat(received.headers().get("Expect"))
                .as("Expect header at the service")
                .isNull();
    }

    private static URI gateway(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] readN(InputStream in, int length) {
        try {
            return in.readNBytes(length);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
