package io.kontor.legal.privacy;

import io.kontor.platform.persistence.StringListJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of the record of processing activities (Art. 30 (1) GDPR (a)-(g)). */
@Entity
@Table(name = "processing_activity")
public class ProcessingActivity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;
    /** The service or department responsible (sales-backoffice-service, hr, ...). */
    public String owner;

    @Convert(converter = StringListJson.class)
    public List<String> purposes;

    public String legalBasis;

    @Convert(converter = StringListJson.class)
    public List<String> dataSubjects;

    @Convert(converter = StringListJson.class)
    public List<String> dataCategories;

    @Convert(converter = StringListJson.class)
    public List<String> recipients;

    public String thirdCountries;
    public String retention;
    public String securityMeasures;
    public String changedBy;
    public Instant changedAt;
}
