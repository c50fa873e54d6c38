package org.leadline.server.lead;

import java.io.Serializable;
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
 * One word of a lead's name, company or e-mail, lower-cased. Free-text search is a prefix match
 * on this table's (tenant, term) index, which stays fast at a million leads per tenant where a
 * {@code LIKE '%x%'} over the leads table would scan every row.
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

    protected LeadSearchTerm() {
    }

    public LeadSearchTerm(String leadId, String term) {
        this.leadId = leadId;
        this.term = term;
    }

    public String leadId() { return leadId; }
    public String term() { return term; }

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
