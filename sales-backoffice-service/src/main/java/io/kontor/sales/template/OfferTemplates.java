package io.kontor.sales.template;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.InvalidFieldProblem;
import io.kontor.platform.time.BusinessCalendar;
import io.kontor.platform.web.Page;
import io.kontor.sales.product.Product;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
public class OfferTemplates {

    @Inject
    BusinessCalendar calendar;

    /** Every SKU must be in the catalogue now, so that an offer from the template can always be priced. */
    @Transactional
    public OfferTemplate create(OfferTemplateRequest request) {
        OfferTemplate template = new OfferTemplate();
        template.id = UUID.randomUUID();
        template.name = request.name().strip();
        template.validityDays = request.validityDays();
        template.introText = blankToNull(request.introText());
        template.termsText = blankToNull(request.termsText());
        template.createdAt = calendar.now();
        for (int i = 0; i < request.lines().size(); i++) {
            OfferTemplateRequest.Line requested = request.lines().get(i);
            String sku = requested.sku().strip();
            String field = "lines[" + i + "].sku";
            Product product = Product.bySku(sku)
                    .orElseThrow(() -> new InvalidFieldProblem(field, "no product has the SKU " + sku));
            if (!product.active) {
                throw new InvalidFieldProblem(field, "product " + sku + " is no longer sold");
            }
            OfferTemplateLine line = new OfferTemplateLine();
            line.sku = sku;
            line.quantity = requested.quantity().setScale(3);
            line.optional = requested.optional();
            template.lines.add(line);
        }
        template.persist();
        return template;
    }

    public OfferTemplate get(UUID id) {
        return Found.byId(OfferTemplate.class, id, "offer template");
    }

    public Page<OfferTemplateView> list(int page, int size) {
        return Paging.page(OfferTemplate.findAll(Sort.by("name").and("createdAt")), page, size, OfferTemplateView::of);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
