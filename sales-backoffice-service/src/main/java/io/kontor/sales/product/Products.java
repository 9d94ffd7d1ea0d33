package io.kontor.sales.product;

import io.kontor.platform.problem.ConflictProblem;
import io.kontor.platform.problem.NotFoundProblem;
import io.kontor.platform.web.Page;
import io.kontor.sales.Paging;
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
        return Product.<Product>findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("product", id));
    }

    public Page<ProductView> list(int page, int size) {
        return Paging.page(Product.findAll(Sort.by("sku")), page, size, ProductView::of);
    }

    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && constraint.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private static ConflictProblem skuTaken(String sku) {
        return new ConflictProblem("SKU " + sku + " is already taken by another product");
    }
}
