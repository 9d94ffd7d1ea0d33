package io.kontor.hr.application;

import io.kontor.hr.opening.JobOpening;
import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.security.Roles;
import io.kontor.platform.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An opening's candidates still in the race (neither rejected, withdrawn nor erased), best mean interview score first.
 */
@Path("/job-openings/{id}/ranking")
@RolesAllowed({Roles.HR, Roles.ADMIN})
public class RankingResource {

    public record RankedApplication(
            int rank,
            UUID applicationId,
            String candidateName,
            Stage stage,
            BigDecimal meanScore,
            int scoreCount,
            Instant receivedAt) {}

    @GET
    @Transactional
    public Page<RankedApplication> ranking(
            @PathParam("id") UUID jobOpeningId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Paging.DEFAULT_SIZE) @Min(1) @Max(Paging.MAX_SIZE) int size) {
        Found.byId(JobOpening.class, jobOpeningId, "job opening");
        Map<UUID, Application> applications = Application.<Application>list(
                        "jobOpeningId = ?1 and stage not in ?2 and erasedAt is null",
                        jobOpeningId,
                        List.of(Stage.REJECTED, Stage.WITHDRAWN))
                .stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        Map<UUID, List<Integer>> scores = applications.isEmpty()
                ? Map.of()
                : Interview.<Interview>list("applicationId in ?1", applications.keySet()).stream()
                        .collect(Collectors.groupingBy(
                                i -> i.applicationId,
                                Collectors.flatMapping(i -> i.scores.values().stream(), Collectors.toList())));
        List<Ranking.Candidate> candidates = applications.values().stream()
                .map(a -> new Ranking.Candidate(a.id, a.receivedAt, scores.getOrDefault(a.id, List.of())))
                .toList();
        // Ranks need every candidate; the answer is one page of them.
        List<RankedApplication> ranked = Ranking.of(candidates).stream()
                .map(place -> {
                    Application application = applications.get(place.applicationId());
                    return new RankedApplication(
                            place.rank(),
                            application.id,
                            application.candidateName(),
                            application.stage,
                            place.meanScore(),
                            place.scoreCount(),
                            application.receivedAt);
                })
                .toList();
        return Paging.page(ranked, page, size);
    }
}
