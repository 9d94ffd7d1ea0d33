package io.kontor.hr.reference;

import io.kontor.platform.persistence.StringListJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An issued reference (Zeugnis), one version of it; the text is kept as issued. */
@Entity
public class EmploymentReference extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID employeeId;

    @Enumerated(EnumType.STRING)
    public ReferenceKind kind;

    public int version;
    public short performance;
    public short expertise;
    public short reliability;
    public short conduct;

    @Convert(converter = StringListJson.class)
    @Column(columnDefinition = "text")
    public List<String> tasks;

    public LocalDate leavingDate;
    /** Paragraphs separated by a blank line, as {@link ReferenceText} wrote them. */
    public String text;

    public Instant issuedAt;

    /** The date the reference carries; null for references issued before it was kept (their issue day). */
    public LocalDate datedOn;
    /** The reference this one corrects, or null for one issued on its own. */
    public UUID correctsId;

    public String signedByName;
    public String signedByPosition;

    public List<String> paragraphs() {
        return List.of(text.split("\n\n"));
    }

    public static int nextVersion(UUID employeeId, ReferenceKind kind) {
        Integer last = find(
                        "select max(version) from EmploymentReference where employeeId = ?1 and kind = ?2",
                        employeeId,
                        kind)
                .project(Integer.class)
                .firstResult();
        return last == null ? 1 : last + 1;
    }
}
