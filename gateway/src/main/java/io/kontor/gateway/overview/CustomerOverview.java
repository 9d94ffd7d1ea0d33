package io.kontor.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything about one customer that a clerk wants on one screen, collected from three services: the customer and the
 * offers (sales), the invoices with what is still open and how far dunning has gone (accounting), the projects (project
 * office). A part whose service cannot answer is {@code null}, and {@code warnings} says which and why - a partial
 * answer now is worth more than a complete one never.
 *
 * @param openBalance the sum of the invoices' open amounts, per currency; null when invoices are missing
 * @param highestDunningLevel the highest dunning level of the invoices (0: none); null when invoices are missing
 */
public record CustomerOverview(
        JsonNode customer,
        List<JsonNode> offers,
        List<JsonNode> invoices,
        List<Money> openBalance,
        Integer highestDunningLevel,
        List<JsonNode> projects,
        List<Warning> warnings) {

    public record Money(BigDecimal amount, String currency) {}

    /** @param part which part of the overview is missing: customer, offers, invoices or projects */
    public record Warning(String part, String service, String detail) {}

    private static final String DEFAULT_CURRENCY = "EUR";

    /** The overview from the parts; {@link Part.NotThere} counts as missing for every part but the customer. */
    public static CustomerOverview assemble(Part customer, Part offers, Part invoices, Part projects) {
        List<Warning> warnings = new ArrayList<>();
        JsonNode customerBody = body(customer, "customer", warnings);
        List<JsonNode> offerItems = items(offers, "offers", warnings);
        List<JsonNode> invoiceItems = items(invoices, "invoices", warnings);
        List<JsonNode> projectItems = items(projects, "projects", warnings);
        return new CustomerOverview(
                customerBody,
                offerItems,
                invoiceItems,
                invoiceItems == null ? null : openBalance(invoiceItems),
                invoiceItems == null ? null : highestDunningLevel(invoiceItems),
                projectItems,
                List.copyOf(warnings));
    }

    static List<Money> openBalance(List<JsonNode> invoices) {
        Map<String, BigDecimal> byCurrency = new TreeMap<>();
        for (JsonNode invoice : invoices) {
            JsonNode open = invoice.get("openAmount");
            if (open == null || open.isNull()) {
                continue;
            }
            BigDecimal amount = open.isNumber() ? open.decimalValue() : new BigDecimal(open.asText());
            String currency =
                    invoice.hasNonNull("currency") ? invoice.get("currency").asText() : DEFAULT_CURRENCY;
            byCurrency.merge(currency, amount, BigDecimal::add);
        }
        return byCurrency.entrySet().stream()
                .map(entry -> new Money(entry.getValue(), entry.getKey()))
                .toList();
    }

    static int highestDunningLevel(List<JsonNode> invoices) {
        return invoices.stream()
                .mapToInt(invoice -> invoice.path("dunningLevel").asInt(0))
                .max()
                .orElse(0);
    }

    private static JsonNode body(Part part, String name, List<Warning> warnings) {
        if (part instanceof Part.Found found) {
            return found.body();
        }
        if (part instanceof Part.Missing missing) {
            warnings.add(new Warning(name, missing.service(), missing.detail()));
        }
        return null;
    }

    /** A page ({@code {items: [...]}}, API.md) or a bare array. */
    private static List<JsonNode> items(Part part, String name, List<Warning> warnings) {
        if (part instanceof Part.NotThere) {
            warnings.add(new Warning(name, null, "the service does not know this customer"));
            return null;
        }
        JsonNode body = body(part, name, warnings);
        if (body == null) {
            return null;
        }
        JsonNode items = body.isArray() ? body : body.path("items");
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }
}
