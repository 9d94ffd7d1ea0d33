package io.kontor.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;

/** One service's contribution to a composite view: what it answered, or why there is nothing from it. */
public sealed interface Part {

    /** The service answered 200 with this JSON. */
    record Found(JsonNode body) implements Part {}

    /** The service answered 404: the thing asked for does not exist. */
    record NotThere() implements Part {}

    /** Nothing usable from the service: down, too slow, refused the caller, or answered an error. */
    record Missing(String service, String detail) implements Part {}
}
