package io.kontor.systemtests;

import static io.kontor.platform.security.Roles.ACCOUNTING;
import static io.kontor.platform.security.Roles.ADMIN;
import static io.kontor.platform.security.Roles.FRONT_OFFICE;
import static io.kontor.platform.security.Roles.HR;
import static io.kontor.platform.security.Roles.LEGAL;
import static io.kontor.platform.security.Roles.MIDDLE_OFFICE;
import static io.kontor.platform.security.Roles.PROCESS_OWNER;
import static io.kontor.platform.security.Roles.PRODUCT_DEVELOPMENT;
import static io.kontor.platform.security.Roles.PROJECT_OFFICE;
import static io.kontor.platform.security.Roles.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import io.kontor.platform.security.Roles;
import io.kontor.systemtests.ApiDocument.ApiOperation;
import io.kontor.systemtests.RawGateway.Answer;
import io.kontor.systemtests.RawGateway.Request;
import io.kontor.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every route of the gateway's OpenAPI document × every role × {valid, expired, wrong issuer, tampered, no token}, once
 * through the gateway and once to the service that owns the route.
 *
 * <p>Who may do what is written here from the documents (issue #7, ARCHITECTURE.md, and docs/DECISIONS.md "Who may call
 * what" where they leave a choice), not read from the gateway's or the services' configuration: a grant that drifts in
 * either is a failure here. Every request is harmless - path ids are random, bodies are malformed JSON - so a granted
 * caller gets a 400 or 404 and nothing is created.
 */
class RoleMatrixTest extends SystemTest {

    private static final Map<String, String> DOMAIN_ROLE = Map.of(
            "sales",
            SALES,
            "accounting",
            ACCOUNTING,
            "hr",
            HR,
            "projects",
            PROJECT_OFFICE,
            "product-development",
            PRODUCT_DEVELOPMENT,
            "legal",
            LEGAL,
            "processes",
            PROCESS_OWNER);

    /** The domains whose clerical work middle-office does (DECISIONS.md); not product development. */
    private static final Set<String> MIDDLE_OFFICE_DOMAINS = Set.of("sales", "accounting", "hr", "projects");

    /** What project-office may read of product development (issue #19): the matrix of what it delivers. */
    private static final Set<String> PROJECT_OFFICE_PRODUCT_ROUTES = Set.of(
            "GET /api/v1/product-development/traceability",
            "GET /api/v1/product-development/traceability/csv",
            "GET /api/v1/product-development/traceability/markdown",
            "GET /api/v1/product-development/traceability/html");

    /** What front-office systems (web shop, careers site) may do, and nothing else (issue #7). */
    private static final Set<String> FRONT_OFFICE_ROUTES = Set.of(
            "GET /api/v1/sales/products",
            "GET /api/v1/sales/products/{id}",
            "POST /api/v1/sales/customers",
            "POST /api/v1/sales/offers",
            "GET /api/v1/sales/offers",
            "GET /api/v1/sales/offers/{id}",
            "GET /api/v1/sales/offers/{id}/pdf",
            "POST /api/v1/hr/applications",
            // The web shop shows the AGB and privacy notice in force (issue #18): published versions only.
            "GET /api/v1/legal/published/{kind}",
            "GET /api/v1/legal/published/{kind}/html");

    /**
     * Acts that need the domain's own role, not middle-office (DECISIONS.md): bank data and money that moves, and what
     * binds the company to a person or erases one, or issues and cancels its invoices (issue #24).
     */
    private static final List<String> DOMAIN_ROLE_ONLY = List.of(
            "* /api/v1/accounting/payments",
            "* /api/v1/accounting/bank-statements",
            "POST /api/v1/accounting/dunning-runs",
            "POST /api/v1/accounting/invoices/{id}/issue",
            "POST /api/v1/accounting/invoices/{id}/cancel",
            "POST /api/v1/accounting/invoices/{id}/credits",
            // A customer's credit is money held for them (refund, set-off); DATEV export and court claims are the books
            // and the claims handed to third parties (issue #16).
            "* /api/v1/accounting/customers/{customerId}/credit",
            "* /api/v1/accounting/datev",
            "* /api/v1/accounting/dunning",
            // Accounts payable (issue #26): suppliers' invoices, their bank accounts and our payment runs are
            // accounting's books and money going out.
            "* /api/v1/accounting/supplier-invoices",
            "* /api/v1/accounting/suppliers",
            "* /api/v1/accounting/payment-runs");

    /**
     * What accounting may read of legal (issue #18, DECISIONS.md): the collection cases it handed over (the service
     * shows it no other kind). Documents, deadlines and the other kinds stay with legal.
     */
    private static final Set<String> ACCOUNTING_LEGAL_ROUTES =
            Set.of("GET /api/v1/legal/cases", "GET /api/v1/legal/cases/{id}");

    /**
     * All middle-office may do in hr (issue #17, DECISIONS.md): read the staff directory. Pay, contracts, references,
     * applications and openings are personnel data for hr alone (§26 BDSG).
     */
    private static final Set<String> MIDDLE_OFFICE_HR_ROUTES = Set.of("GET /api/v1/hr/directory");

    enum Token {
        VALID(TestTokens::bearer),
        EXPIRED(TestTokens::expired),
        WRONG_ISSUER(TestTokens::wrongIssuer),
        TAMPERED(TestTokens::tampered),
        NONE(roles -> null);

        final Function<String[], String> header;

        Token(Function<String[], String> header) {
            this.header = header;
        }
    }

    record Probe(ApiOperation operation, String role, Token token, boolean granted, Request request) {}

    record Verdict(Probe probe, int status, String problem) {}

    static boolean granted(String role, String method, String path) {
        if (role.equals(ADMIN)) {
            return true;
        }
        String[] segments = path.split("/");
        if (segments.length > 4 && segments[4].equals("admin")) {
            return false; // a service's operator endpoints (dead letters): admin only
        }
        if (path.startsWith("/api/v1/customers/") && path.endsWith("/overview")) {
            return Set.of(SALES, ACCOUNTING, MIDDLE_OFFICE).contains(role);
        }
        if (path.startsWith("/api/v1/events/")) {
            return !role.equals(FRONT_OFFICE);
        }
        if (role.equals(FRONT_OFFICE)) {
            return FRONT_OFFICE_ROUTES.contains(method + " " + path);
        }
        String domain = segments.length > 3 ? segments[3] : "";
        if (role.equals(DOMAIN_ROLE.get(domain))) {
            return true;
        }
        if (path.startsWith("/api/v1/processes/tasks")) {
            // the task inbox: every back-office role sees the tasks of its roles (issue #20)
            return !role.equals(FRONT_OFFICE) && !role.equals(MIDDLE_OFFICE);
        }
        if (role.equals(ACCOUNTING) && domain.equals("legal")) {
            return ACCOUNTING_LEGAL_ROUTES.contains(method + " " + path);
        }
        if (role.equals(PROJECT_OFFICE) && domain.equals("product-development")) {
            return PROJECT_OFFICE_PRODUCT_ROUTES.contains(method + " " + path);
        }
        if (role.equals(MIDDLE_OFFICE) && domain.equals("hr")) {
            return MIDDLE_OFFICE_HR_ROUTES.contains(method + " " + path);
        }
        if (role.equals(MIDDLE_OFFICE)) {
            return MIDDLE_OFFICE_DOMAINS.contains(domain)
                    && DOMAIN_ROLE_ONLY.stream().noneMatch(rule -> matches(rule, method, path));
        }
        return false;
    }

    /** {@code "* /a/b"} is every method on /a/b and below it; {@code "POST /a/{id}"} is exactly that route. */
    private static boolean matches(String rule, String method, String path) {
        String[] parts = rule.split(" ", 2);
        if (parts[0].equals("*")) {
            return path.equals(parts[1]) || path.startsWith(parts[1] + "/");
        }
        return parts[0].equals(method) && parts[1].equals(path);
    }

    /**
     * Where the probes go: through the gateway, and to each service directly. Each layer must be right on its own
     * (issue #24): a grant that only the gateway narrows is open to anyone inside the cluster network, one that only
     * the service narrows is a route the gateway should not have let through.
     */
    enum Via {
        GATEWAY,
        SERVICES
    }

    @ParameterizedTest(name = "via {0}")
    @EnumSource(Via.class)
    void every_route_answers_every_role_and_token_as_documented(Via via) {
        ApiDocument document = ApiDocument.fetch(platform.gatewayUrl());
        List<ApiOperation> operations = document.operations().stream()
                .filter(operation -> operation.path().startsWith("/api/"))
                .filter(operation -> via == Via.GATEWAY || DOMAIN_ROLE.containsKey(domainOf(operation.path())))
                .toList();
        assertThat(operations).as("routes in the OpenAPI document").hasSizeGreaterThan(40);

        List<Probe> probes = new ArrayList<>();
        for (ApiOperation operation : operations) {
            for (String role : Roles.ALL) {
                for (Token token : Token.values()) {
                    if (token == Token.NONE && !role.equals(ADMIN)) {
                        continue; // no token is no role: once per route
                    }
                    String header = token.header.apply(new String[] {role});
                    boolean granted = token == Token.VALID && granted(role, operation.method(), operation.path());
                    probes.add(new Probe(
                            operation, token == Token.NONE ? "-" : role, token, granted, harmless(operation, header)));
                }
            }
        }

        List<Verdict> verdicts = new ArrayList<>();
        Map<String, List<Probe>> byTarget = new TreeMap<>();
        for (Probe probe : probes) {
            String target = via == Via.GATEWAY
                    ? platform.gatewayUrl()
                    : platform.serviceUrl(domainOf(probe.operation().path()));
            byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(probe);
        }
        byTarget.forEach((target, targetProbes) -> {
            try (RawGateway gateway = new RawGateway(target, 8)) {
                List<Answer> answers = gateway.sendAll(
                        targetProbes.stream().map(Probe::request).toList(), (request, answer) -> answer);
                for (int i = 0; i < targetProbes.size(); i++) {
                    verdicts.add(judge(targetProbes.get(i), answers.get(i)));
                }
            }
        });
        System.out.println("\nVia " + via + ":");
        printMatrix(operations, verdicts);

        List<String> wrong = verdicts.stream()
                .filter(v -> v.problem() != null)
                .map(v -> v.probe().operation().name() + " as " + v.probe().role() + " with "
                        + v.probe().token() + " token: " + v.status() + " - " + v.problem())
                .toList();
        assertThat(wrong)
                .as("answers via %s that differ from the documented grants (%d probes)", via, probes.size())
                .isEmpty();
    }

    /** "sales" for /api/v1/sales/..., "customers" or "events" for the gateway's own routes. */
    private static String domainOf(String path) {
        String[] segments = path.split("/");
        return segments.length > 3 ? segments[3] : "";
    }

    private static Verdict judge(Probe probe, Answer answer) {
        int status = answer.status();
        String problem = null;
        if (status == RawGateway.NO_ANSWER) {
            problem = "no answer: " + answer.text();
        } else if (status >= 500) {
            problem = "server error: " + answer.text();
        } else if (probe.token() != Token.VALID) {
            if (status != 401) {
                problem = "an invalid token must get 401";
            } else if (!isProblem(answer, 401)) {
                problem = "401 without problem details";
            }
        } else if (probe.granted()) {
            if (status == 401 || status == 403) {
                problem = "granted, but refused";
            }
        } else if (status != 403) {
            problem = "not granted, but let through";
        } else if (!isProblem(answer, 403)) {
            problem = "403 without problem details";
        }
        return new Verdict(probe, status, problem);
    }

    private static boolean isProblem(Answer answer, int status) {
        return answer.isProblem()
                && answer.json()
                        .filter(json -> json.path("status").asInt() == status
                                && json.hasNonNull("type")
                                && json.hasNonNull("title"))
                        .isPresent();
    }

    /** Random ids (found nowhere) and a malformed body: a caller let through gets 400 or 404, and nothing changes. */
    private static Request harmless(ApiOperation operation, String authorization) {
        String path = operation.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        if (operation.hasBody() || Set.of("POST", "PUT", "PATCH").contains(operation.method())) {
            String contentType = operation.bodyMediaType().orElse("application/json");
            return new Request(
                    operation.method(), path, authorization, contentType, "{\"".getBytes(StandardCharsets.UTF_8));
        }
        return new Request(operation.method(), path, authorization, null, null);
    }

    /** One line per route: per role the status a valid token got (403 marked), and whether any other check failed. */
    private static void printMatrix(List<ApiOperation> operations, List<Verdict> verdicts) {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        Map<String, Integer> mismatches = new TreeMap<>();
        for (Verdict verdict : verdicts) {
            String route = verdict.probe().operation().name();
            if (verdict.probe().token() == Token.VALID) {
                rows.computeIfAbsent(route, r -> new TreeMap<>())
                        .put(
                                verdict.probe().role(),
                                (verdict.probe().granted() ? "" : "-")
                                        + verdict.status()
                                        + (verdict.problem() != null ? "!" : ""));
            }
            if (verdict.problem() != null) {
                mismatches.merge(route, 1, Integer::sum);
            }
        }
        StringBuilder out =
                new StringBuilder("\nRole matrix: status with a valid token per role (-: not granted, !: wrong)\n");
        out.append(String.format("%-62s", "route"));
        for (String role : Roles.ALL) {
            out.append(String.format("%15s", role));
        }
        out.append('\n');
        rows.forEach((route, byRole) -> {
            out.append(String.format("%-62s", route));
            for (String role : Roles.ALL) {
                out.append(String.format("%15s", byRole.getOrDefault(role, "?")));
            }
            out.append('\n');
        });
        long invalidTokenProbes =
                verdicts.stream().filter(v -> v.probe().token() != Token.VALID).count();
        long invalidTokenRefused = verdicts.stream()
                .filter(v -> v.probe().token() != Token.VALID && v.status() == 401)
                .count();
        out.append(String.format(
                "%d routes, %d probes; invalid or no token: %d of %d got 401; mismatching probes: %s%n",
                operations.size(),
                verdicts.size(),
                invalidTokenRefused,
                invalidTokenProbes,
                mismatches.isEmpty() ? "none" : mismatches));
        System.out.println(out);
    }
}
