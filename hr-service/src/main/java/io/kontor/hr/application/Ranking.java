package io.kontor.hr.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Orders an opening's applications by the mean of all their interview scores, best first; equal means go to the earlier
 * application. Applications without any score come last. Means are compared exactly (as fractions), not after rounding,
 * so 4.333… ranks above 4.33.
 */
public final class Ranking {

    public record Candidate(UUID applicationId, Instant receivedAt, List<Integer> scores) {}

    public record Place(int rank, UUID applicationId, Instant receivedAt, BigDecimal meanScore, int scoreCount) {}

    private Ranking() {}

    public static List<Place> of(List<Candidate> candidates) {
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparing(Ranking::hasNoScore)
                .thenComparing(Ranking::byMeanDescending)
                .thenComparing(Candidate::receivedAt)
                .thenComparing(Candidate::applicationId));
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Candidate candidate = ordered.get(i);
            places.add(new Place(
                    i + 1,
                    candidate.applicationId(),
                    candidate.receivedAt(),
                    mean(candidate),
                    candidate.scores().size()));
        }
        return places;
    }

    private static boolean hasNoScore(Candidate candidate) {
        return candidate.scores().isEmpty();
    }

    private static int byMeanDescending(Candidate a, Candidate b) {
        if (a.scores().isEmpty() || b.scores().isEmpty()) {
            return 0;
        }
        // sumA / countA > sumB / countB  ⇔  sumA · countB > sumB · countA
        long left = sum(a) * b.scores().size();
        long right = sum(b) * a.scores().size();
        return Long.compare(right, left);
    }

    private static BigDecimal mean(Candidate candidate) {
        if (candidate.scores().isEmpty()) {
            return null;
        }
        return BigDecimal.valueOf(sum(candidate))
                .divide(BigDecimal.valueOf(candidate.scores().size()), 2, RoundingMode.HALF_UP);
    }

    private static long sum(Candidate candidate) {
        return candidate.scores().stream().mapToLong(Integer::longValue).sum();
    }
}
