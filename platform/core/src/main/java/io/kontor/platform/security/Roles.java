package io.kontor.platform.security;

/** The roles a Kontor token carries in its {@code groups} claim (ARCHITECTURE.md, Security). */
public final class Roles {

    public static final String FRONT_OFFICE = "front-office";
    public static final String MIDDLE_OFFICE = "middle-office";
    public static final String ACCOUNTING = "accounting";
    public static final String HR = "hr";
    public static final String SALES = "sales";
    public static final String PROJECT_OFFICE = "project-office";
    public static final String PRODUCT_DEVELOPMENT = "product-development";
    public static final String LEGAL = "legal";
    public static final String PROCESS_OWNER = "process-owner";
    public static final String ADMIN = "admin";

    public static final String[] ALL = {
        FRONT_OFFICE,
        MIDDLE_OFFICE,
        ACCOUNTING,
        HR,
        SALES,
        PROJECT_OFFICE,
        PRODUCT_DEVELOPMENT,
        LEGAL,
        PROCESS_OWNER,
        ADMIN
    };

    private Roles() {}
}
