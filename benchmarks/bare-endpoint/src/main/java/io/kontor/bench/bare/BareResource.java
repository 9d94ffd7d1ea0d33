package io.kontor.bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The cheapest answer a Quarkus REST endpoint can give: no token check, no database, no JSON. What a GET on a service
 * costs beyond this is the service's own work; what it costs below this is HTTP and the JVM.
 */
@Path("/bare")
public class BareResource {

    // About the size of a stored invoice's JSON, so the bytes on the wire are comparable.
    private static final String BODY = "x".repeat(1024);

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String get() {
        return BODY;
    }
}
