package io.kontor.gateway.events;

import io.kontor.platform.problem.InvalidFieldProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code types} a caller asks for: a domain ({@code sales}), an event in any version ({@code sales.offer-sent}) or
 * one version ({@code kontor.sales.offer-sent.v1}), comma-separated; none means all. Combined with what the caller's
 * roles may see ({@link EventVisibility}).
 */
public final class TypeFilter implements Predicate<StreamedEvent> {

    private static final Pattern FULL = Pattern.compile("kontor\\.([a-z]+(?:-[a-z]+)*)\\.([a-z][a-z0-9-]*)\\.v[0-9]+");
    private static final Pattern SHORT = Pattern.compile("([a-z]+(?:-[a-z]+)*)(?:\\.([a-z][a-z0-9-]*))?");

    private final Set<String> visibleDomains;
    private final List<Predicate<String>> wanted;

    private TypeFilter(Set<String> visibleDomains, List<Predicate<String>> wanted) {
        this.visibleDomains = visibleDomains;
        this.wanted = wanted;
    }

    /** @throws InvalidFieldProblem naming {@code types} for an entry that is no Kontor domain or event type */
    public static TypeFilter of(String types, Set<String> visibleDomains) {
        if (types == null || types.isBlank()) {
            return new TypeFilter(visibleDomains, List.of());
        }
        List<Predicate<String>> wanted = Arrays.stream(types.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(TypeFilter::parse)
                .toList();
        return new TypeFilter(visibleDomains, wanted);
    }

    private static Predicate<String> parse(String entry) {
        Matcher full = FULL.matcher(entry);
        if (full.matches()) {
            requireDomain(full.group(1), entry);
            return entry::equals;
        }
        Matcher shortForm = SHORT.matcher(entry);
        if (shortForm.matches()) {
            requireDomain(shortForm.group(1), entry);
            String prefix = "kontor." + entry + (shortForm.group(2) == null ? "." : ".v");
            return type -> type.startsWith(prefix);
        }
        throw new InvalidFieldProblem(
                "types",
                "'" + entry + "' is neither a domain (sales), an event (sales.offer-sent) "
                        + "nor an event type (kontor.sales.offer-sent.v1)");
    }

    private static void requireDomain(String domain, String entry) {
        if (!EventVisibility.domains().contains(domain)) {
            throw new InvalidFieldProblem(
                    "types", "'" + entry + "' names no domain; known are " + EventVisibility.domains());
        }
    }

    @Override
    public boolean test(StreamedEvent event) {
        String domain = event.domain();
        if (domain == null || !visibleDomains.contains(domain)) {
            return false;
        }
        return wanted.isEmpty() || wanted.stream().anyMatch(type -> type.test(event.type()));
    }
}
