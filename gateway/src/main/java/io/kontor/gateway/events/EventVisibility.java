package io.kontor.gateway.events;

import io.kontor.platform.security.Roles;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which roles may watch the events of which domain: the same staff that may read the domain through the API
 * (ARCHITECTURE.md, Security). Middle office sees what it works on - sales, accounting and projects - but not HR:
 * applications and contracts are personal data (GDPR Art. 5(1)(c), data minimisation). Front-office systems see none.
 */
public final class EventVisibility {

    private static final Map<String, Set<String>> ROLES_BY_DOMAIN = Map.of(
            "sales", Set.of(Roles.SALES, Roles.MIDDLE_OFFICE, Roles.ADMIN),
            "accounting", Set.of(Roles.ACCOUNTING, Roles.MIDDLE_OFFICE, Roles.ADMIN),
            "hr", Set.of(Roles.HR, Roles.ADMIN),
            "projects", Set.of(Roles.PROJECT_OFFICE, Roles.MIDDLE_OFFICE, Roles.ADMIN),
            "product-development", Set.of(Roles.PRODUCT_DEVELOPMENT, Roles.PROJECT_OFFICE, Roles.ADMIN),
            "legal", Set.of(Roles.LEGAL, Roles.ADMIN),
            "process", Set.of(Roles.PROCESS_OWNER, Roles.ADMIN),
            // Approval requests of every service (four eyes): the approvers see them as tasks in their inbox, the
            // stream shows them to those who watch the processes.
            "approvals", Set.of(Roles.PROCESS_OWNER, Roles.ADMIN));

    private EventVisibility() {}

    public static Set<String> domains() {
        return ROLES_BY_DOMAIN.keySet();
    }

    /** The domains whose events a caller with these roles may see. */
    public static Set<String> visibleDomains(Set<String> roles) {
        return ROLES_BY_DOMAIN.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(roles::contains))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
