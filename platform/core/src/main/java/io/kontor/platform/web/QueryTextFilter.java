package io.kontor.platform.web;

import io.kontor.platform.problem.InvalidFieldProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter holding a NUL character ({@code ?q=a%00b}) is a 400 naming it: PostgreSQL cannot compare with such
 * a text, and a search with one was a 500 (found by the system tests' fuzzing, issue #9). Request bodies get the same
 * rule from {@link StrictJson}.
 */
public class QueryTextFilter {

    @ServerRequestFilter
    public void refuseNul(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf(0) >= 0) {
                    throw new InvalidFieldProblem(parameter.getKey(), "must not contain the NUL character");
                }
            }
        }
    }
}
