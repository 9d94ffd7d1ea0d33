package io.kontor.legal.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "case_party")
public class CaseParty extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID caseId;
    public int position;

    @Enumerated(EnumType.STRING)
    public PartyRole role;

    public String name;
    /** Their reference: customer or personnel number, the court's file number (Aktenzeichen). */
    public String reference;

    public String contact;
}
