package io.kontor.platform.testapp;

import io.kontor.platform.idempotency.IdempotentCreate;
import io.kontor.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

@Path("/test/notes")
@RolesAllowed({Roles.SALES, Roles.ADMIN})
public class NoteResource {

    public record NoteRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Valid Meta meta) {}

    public record Meta(@Positive int priority, Kind kind, LocalDate due) {}

    public enum Kind {
        MEMO,
        TASK
    }

    @Inject
    Notes notes;

    @POST
    @IdempotentCreate
    @Transactional
    public Response create(@NotNull @Valid NoteRequest request) {
        Note note = notes.write(request.title());
        return Response.created(URI.create("/test/notes/" + note.id))
                .entity(note)
                .build();
    }

    @GET
    @Path("/{id}")
    public Note get(@PathParam("id") UUID id) {
        Note note = Note.findById(id);
        if (note == null) {
            throw new io.kontor.platform.problem.NotFoundProblem("note", id);
        }
        return note;
    }

    @POST
    @Path("/{id}/close")
    public Note close(@PathParam("id") UUID id) {
        return notes.close(id);
    }
}
