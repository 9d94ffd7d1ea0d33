package io.kontor.sales.offer;

import io.kontor.platform.events.sales.OfferLineKind;
import io.kontor.platform.events.sales.SupplyKind;
import io.kontor.platform.events.sales.TaxTreatment;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.sales.SalesConfig;
import io.kontor.sales.customer.Customer;
import io.kontor.sales.product.Product;
import io.kontor.sales.template.OfferTemplate;
import io.kontor.sales.template.OfferTemplateLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pricing an offer's lines: catalogue lines at list price unless sales sets one, free lines as staff write them, text
 * lines without amounts, and each line's tax treatment (§14a, §19 UStG; EN 16931 BR-O-11).
 */
@ApplicationScoped
public class OfferPricing {

    private static final int MAX_LINES = 200;

    @Inject
    SalesConfig config;

    /** A line to price, with the request field it came from for error messages. */
    record Wanted(
            String field,
            String sku,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            boolean optional,
            String line,
            TaxTreatment taxTreatment,
            String taxReason,
            boolean customerRequirement,
            OfferLineKind kind,
            String description,
            String unit,
            BigDecimal vatRate,
            SupplyKind supplyKind) {}

    static InvalidFieldProblem nothingToOffer() {
        return new InvalidFieldProblem("lines", "an offer needs lines, a templateId, or both");
    }

    static List<Wanted> wanted(OfferRequest request, OfferTemplate template) {
        List<Wanted> wanted = new ArrayList<>();
        if (template != null) {
            for (int i = 0; i < template.lines.size(); i++) {
                OfferTemplateLine line = template.lines.get(i);
                wanted.add(new Wanted(
                        "templateId",
                        line.sku,
                        line.quantity,
                        null,
                        null,
                        line.optional,
                        "templateId",
                        null,
                        null,
                        false,
                        OfferLineKind.PRODUCT,
                        null,
                        null,
                        null,
                        null));
            }
        }
        List<OfferRequest.Line> lines = request.lines() == null ? List.of() : request.lines();
        for (int i = 0; i < lines.size(); i++) {
            OfferRequest.Line line = lines.get(i);
            OfferLineKind kind =
                    line.kind() != null ? line.kind() : line.sku() != null ? OfferLineKind.PRODUCT : OfferLineKind.FREE;
            wanted.add(new Wanted(
                    "lines[" + i + "].sku",
                    line.sku() == null ? null : line.sku().strip(),
                    line.quantity(),
                    line.unitPrice(),
                    line.discountPercent(),
                    line.optional(),
                    "lines[" + i + "]",
                    line.taxTreatment(),
                    line.taxReason() == null || line.taxReason().isBlank()
                            ? null
                            : line.taxReason().strip(),
                    line.customerRequirement(),
                    kind,
                    line.description() == null || line.description().isBlank()
                            ? null
                            : line.description().strip(),
                    line.unit() == null || line.unit().isBlank()
                            ? null
                            : line.unit().strip(),
                    line.vatRate(),
                    line.supplyKind()));
        }
        if (wanted.isEmpty()) {
            throw nothingToOffer();
        }
        if (wanted.size() > MAX_LINES) {
            throw new InvalidFieldProblem(
                    "lines", "an offer has at most " + MAX_LINES + " lines, template lines included");
        }
        return wanted;
    }

    List<OfferLineItem> priced(List<Wanted> wanted, Customer customer) {
        List<String> skus = wanted.stream()
                .filter(line -> line.kind() == OfferLineKind.PRODUCT && line.sku() != null)
                .map(Wanted::sku)
                .distinct()
                .toList();
        Map<String, Product> catalogue = Product.<Product>list("sku in ?1", skus).stream()
                .collect(Collectors.toMap(product -> product.sku, Function.identity()));
        List<OfferLineItem> lines = new ArrayList<>();
        for (Wanted line : wanted) {
            OfferLineItem item = switch (line.kind()) {
                case PRODUCT -> product(line, catalogue, customer);
                case FREE -> free(line, customer);
                case TEXT -> text(line);
            };
            lines.add(item);
        }
        if (lines.stream().allMatch(OfferLineItem::isText)) {
            throw new InvalidFieldProblem("lines", "an offer needs at least one line that is not a text line");
        }
        refuseMixedOutOfScope(lines.stream().filter(line -> !line.isText()).toList());
        return lines;
    }

    private OfferLineItem product(Wanted line, Map<String, Product> catalogue, Customer customer) {
        if (line.sku() == null || line.sku().isEmpty()) {
            throw new InvalidFieldProblem(line.field(), "a PRODUCT line names the SKU of a catalogue item");
        }
        refuse(line.description(), line.line() + ".description", "a PRODUCT line is described by its product");
        refuse(line.vatRate(), line.line() + ".vatRate", "a PRODUCT line has its product's VAT rate");
        refuse(line.supplyKind(), line.line() + ".supplyKind", "a PRODUCT line has its product's kind");
        refuse(line.unit(), line.line() + ".unit", "a PRODUCT line has its product's unit");
        Product product = catalogue.get(line.sku());
        if (product == null) {
            throw new InvalidFieldProblem(line.field(), "no product has the SKU " + line.sku());
        }
        if (!product.active) {
            throw new InvalidFieldProblem(line.field(), "product " + line.sku() + " is no longer sold");
        }
        if (line.quantity() == null) {
            throw new InvalidFieldProblem(line.line() + ".quantity", "a PRODUCT line needs a quantity");
        }
        OfferLineItem item = new OfferLineItem();
        item.kind = OfferLineKind.PRODUCT;
        item.sku = product.sku;
        item.description = product.name;
        item.unit = product.unit;
        priceItem(
                item,
                line,
                line.unitPrice() != null ? line.unitPrice() : product.unitPrice,
                product.vatRate,
                product.kind,
                customer);
        return item;
    }

    /** A line staff wrote for this offer: no catalogue item, so its text, price and VAT rate are theirs to give. */
    private OfferLineItem free(Wanted line, Customer customer) {
        refuse(line.sku(), line.line() + ".sku", "a FREE line has no SKU; leave it out or make it a PRODUCT line");
        String prefix = line.line() + ".";
        if (line.description() == null) {
            throw new InvalidFieldProblem(prefix + "description", "a FREE line says what is offered");
        }
        if (line.quantity() == null) {
            throw new InvalidFieldProblem(prefix + "quantity", "a FREE line needs a quantity");
        }
        if (line.unitPrice() == null) {
            throw new InvalidFieldProblem(prefix + "unitPrice", "a FREE line needs its net unit price");
        }
        if (line.vatRate() == null) {
            throw new InvalidFieldProblem(prefix + "vatRate", "a FREE line needs its VAT rate (19, 7 or 0)");
        }
        OfferLineItem item = new OfferLineItem();
        item.kind = OfferLineKind.FREE;
        item.sku = null;
        item.description = line.description();
        item.unit = line.unit() == null ? "pc" : line.unit();
        priceItem(
                item,
                line,
                line.unitPrice(),
                line.vatRate().intValueExact(),
                line.supplyKind() == null ? SupplyKind.SERVICE : line.supplyKind(),
                customer);
        return item;
    }

    /** A heading or note: its text only; the amounts are stored as zero and count nowhere. */
    private static OfferLineItem text(Wanted line) {
        String prefix = line.line() + ".";
        if (line.description() == null) {
            throw new InvalidFieldProblem(prefix + "description", "a TEXT line is its description");
        }
        refuse(line.sku(), prefix + "sku", "a TEXT line has no SKU");
        refuse(line.quantity(), prefix + "quantity", "a TEXT line has no quantity");
        refuse(line.unit(), prefix + "unit", "a TEXT line has no unit");
        refuse(line.unitPrice(), prefix + "unitPrice", "a TEXT line carries no amount");
        refuse(line.discountPercent(), prefix + "discountPercent", "a TEXT line carries no amount");
        refuse(line.vatRate(), prefix + "vatRate", "a TEXT line carries no amount");
        refuse(line.taxTreatment(), prefix + "taxTreatment", "a TEXT line carries no amount");
        refuse(line.supplyKind(), prefix + "supplyKind", "a TEXT line carries no amount");
        if (line.optional()) {
            throw new InvalidFieldProblem(prefix + "optional", "a TEXT line cannot be chosen");
        }
        if (line.customerRequirement()) {
            throw new InvalidFieldProblem(prefix + "customerRequirement", "a TEXT line is no requirement");
        }
        OfferLineItem item = new OfferLineItem();
        item.kind = OfferLineKind.TEXT;
        item.description = line.description();
        item.quantity = BigDecimal.ZERO.setScale(3);
        item.unit = "";
        item.unitPrice = BigDecimal.ZERO.setScale(2);
        item.discountPercent = BigDecimal.ZERO.setScale(2);
        item.vatRate = 0;
        item.netAmount = BigDecimal.ZERO.setScale(2);
        item.taxTreatment = TaxTreatment.DOMESTIC;
        return item;
    }

    private void priceItem(
            OfferLineItem item,
            Wanted line,
            BigDecimal unitPrice,
            int vatRate,
            SupplyKind supplyKind,
            Customer customer) {
        item.quantity = line.quantity().setScale(3);
        item.unitPrice = unitPrice.setScale(2);
        item.discountPercent = (line.discountPercent() != null ? line.discountPercent() : BigDecimal.ZERO).setScale(2);
        TaxTreatment treatment = taxTreatment(line, supplyKind, customer);
        item.taxTreatment = treatment;
        item.taxReason = line.taxReason();
        // Outside Germany's VAT the German rate of the product is not charged (§14c UStG if it were shown).
        item.vatRate = treatment.chargesGermanVat() ? vatRate : 0;
        item.netAmount = OfferTotals.lineNet(item.quantity, item.unitPrice, item.discountPercent);
        item.optional = line.optional();
        item.customerRequirement = line.customerRequirement();
    }

    private static void refuse(Object value, String field, String why) {
        if (value != null) {
            throw new InvalidFieldProblem(field, why);
        }
    }

    /**
     * The line's treatment: derived from the customer and the product unless the request sets one, with a reason. A set
     * treatment must be possible for this customer; the VAT id rules are those of §14a UStG.
     */
    private TaxTreatment taxTreatment(Wanted line, SupplyKind supplyKind, Customer customer) {
        boolean smallBusiness = config.tax().smallBusiness();
        TaxTreatment derived = TaxTreatment.derive(
                customer.type, customer.billingAddress.country, customer.vatId, supplyKind, smallBusiness);
        TaxTreatment wanted = line.taxTreatment();
        String field = line.line() + ".taxTreatment";
        if (wanted == null) {
            return derived;
        }
        if (line.taxReason() == null) {
            throw new InvalidFieldProblem(
                    line.line() + ".taxReason",
                    wanted == TaxTreatment.EXEMPT
                            ? "an exempt line names its exemption, e.g. \"Heilbehandlung, §4 Nr. 14 UStG\""
                            : "a tax treatment set by hand needs the reason for it");
        }
        if (smallBusiness != (wanted == TaxTreatment.SMALL_BUSINESS_19)) {
            throw new InvalidFieldProblem(
                    field,
                    smallBusiness
                            ? "the company is a small business (§19 UStG): its lines show no VAT"
                            : "§19 UStG is a company-wide setting, not one of a line");
        }
        if (wanted.needsBuyerVatId() && customer.vatId == null) {
            throw new InvalidFieldProblem(
                    field, wanted + " needs the customer's VAT id on the invoice (§14a UStG); the customer has none");
        }
        String country = customer.billingAddress.country;
        boolean otherMemberState = TaxTreatment.EU_MEMBER_STATES.contains(country) && !"DE".equals(country);
        if ((wanted == TaxTreatment.INTRA_EU_SUPPLY || wanted == TaxTreatment.EU_B2B_SERVICE) && !otherMemberState) {
            throw new InvalidFieldProblem(
                    field, wanted + " is for customers in another EU member state; this one bills in " + country);
        }
        return wanted;
    }

    /**
     * EN 16931 BR-O-11: an invoice with a line not subject to German VAT (category O) has no other VAT category, so an
     * offer that would be billed as one invoice cannot mix them.
     */
    private static void refuseMixedOutOfScope(List<OfferLineItem> lines) {
        long outOfScope = lines.stream()
                .filter(l -> l.taxTreatment == TaxTreatment.NOT_TAXABLE_IN_DE)
                .count();
        if (outOfScope > 0 && outOfScope < lines.size()) {
            throw new InvalidFieldProblem(
                    "lines",
                    "services not taxable in Germany cannot share an invoice with other lines (EN 16931 BR-O-11);"
                            + " make a separate offer for them");
        }
    }
}
