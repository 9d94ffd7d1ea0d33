package io.kontor.sales.product;

import io.kontor.platform.persistence.Found;
import io.kontor.platform.persistence.Paging;
import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.web.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/** The product catalogue offers are priced from. */
@ApplicationScoped
public class Products {

    @Inject
    Clock clock;

    @Transactional
    public Product create(ProductRequest request) {
        String sku = request.sku().strip();
        if (Product.count("sku", sku) > 0) {
            throw skuTaken(sku);
        }
        Product product = new Product();
        product.id = UUID.randomUUID();
        product.sku = sku;
        product.name = request.name().strip();
        product.unitPrice = request.unitPrice().setScale(2);
        product.vatRate = request.vatRate().intValueExact();
        product.unit = request.unit().strip();
        product.kind = request.kindOrDefault();
        product.createdAt = Instant.now(clock);
        try {
            // Flushed here so that a concurrent creation of the same SKU ends up as the 409 it is, not a 500 at commit.
            product.persistAndFlush();
        } catch (PersistenceException e) {
            if (violates(e, "product_sku_unique")) {
                throw skuTaken(sku);
            }
            throw e;
        }
        return product;
    }

    public Product get(UUID id) {
        return Found.byId(Product.class, id, "product");
    }

    public Page<ProductView> list(boolean includeInactive, int page, int size) {
        io.quarkus.hibernate.orm.panache.PanacheQuery<Product> query =
                includeInactive ? Product.findAll(Sort.by("sku")) : Product.find("active", Sort.by("sku"), true);
        return Paging.page(query, page, size, ProductView::of);
    }

    /**
     * Withdraws a product from sale. One that an offer or a template refers to stays, deactivated, because those
     * documents must keep showing what was offered; an unused one is deleted.
     *
     * @return the deactivated product, or empty when it was deleted
     */
    @Transactional
    public java.util.Optional<Product> withdraw(UUID id) {
        Product product = get(id);
        long uses = Product.getEntityManager()
                                .createNativeQuery(
                                        "select (select count(*) from offer_line where sku = ?1) + (select count(*) from offer_template_line where sku = ?1)")
                                .setParameter(1, product.sku)
                                .getSingleResult()
                        instanceof Number count
                ? count.longValue()
                : 0;
        if (uses == 0) {
            product.delete();
            return java.util.Optional.empty();
        }
        product.active = false;
        return java.util.Optional.of(product);
    }

    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && constraint.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private static ConflictProblem skuTaken(String sku) {
        return new ConflictProblem("SKU " + sku + " is already taken by another product");
    }
}
