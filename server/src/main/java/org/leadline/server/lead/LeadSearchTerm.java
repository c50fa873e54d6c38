package org.leadline.server.lead;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * One word of a live lead's name, company or e-mail, lower-cased. Free-text search is a prefix
 * match on this table's (tenant, term) index, which stays fast at a million leads per tenant where
 * a {@code LIKE '%x%'} over the leads table would scan every row.
 *
 * <p>Each row carries its lead's sort keys (creation time, name and company keys), and the index
 * carries them after the lead, so a page of a search is sorted and cut from the index before any
 * lead is read. The creation time never changes; the name and company keys change only when the
 * lead's fields are replaced, and every writer of those fields writes the lead's rows again
 * ({@link SearchIndex}). A softly deleted lead has no rows.
 */
@Entity
@Table(name = "lead_search_terms")
@IdClass(LeadSearchTerm.Key.class)
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class LeadSearchTerm {

    public static final int MAX_TERM_LENGTH = 100;

    @Id
    @Column(name = "lead_id", length = 36)
    private String leadId;

    @Id
    @Column(length = MAX_TERM_LENGTH)
    private String term;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_name_key", nullable = false, length = 100)
    private String lastNameKey;

    @Column(name = "company_key", nullable = false, length = 200)
    private String companyKey;

    protected LeadSearchTerm() {
    }

    /** A word of {@code lead}, with the lead's sort keys as they are now. */
    public LeadSearchTerm(Lead lead, String term) {
        this.leadId = lead.id();
        this.term = term;
        this.createdAt = lead.createdAt();
        this.lastNameKey = lead.lastNameKey();
        this.companyKey = lead.companyKey();
    }

    public String leadId() { return leadId; }
    public String term() { return term; }
    public Instant createdAt() { return createdAt; }
    public String lastNameKey() { return lastNameKey; }
    public String companyKey() { return companyKey; }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String leadId;
        private String term;

        public Key() {
        }

        public Key(String leadId, String term) {
            this.leadId = leadId;
            this.term = term;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(leadId, k.leadId) && Objects.equals(term, k.term);
        }

        @Override
        public int hashCode() {
            return Objects.hash(leadId, term);
        }
    }
}
