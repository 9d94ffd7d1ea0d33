package io.kontor.sales.template;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** A kind of offer sales makes again and again: its validity, texts and default lines. */
@Entity
@Table(name = "offer_template")
public class OfferTemplate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;
    /** Offers from this template are binding for this many days from their issue date. */
    @Column(nullable = false)
    public int validityDays;

    @Column(length = 4000)
    public String introText;

    @Column(length = 4000)
    public String termsText;

    @Column(nullable = false)
    public Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "offer_template_line", joinColumns = @JoinColumn(name = "template_id"))
    @OrderColumn(name = "line_no")
    @BatchSize(size = 50)
    public List<OfferTemplateLine> lines = new ArrayList<>();
}
