package org.leadline.server.capture.webform;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;

/**
 * A submission that created a lead, remembered by the fingerprint of its content so that the same
 * content posted again within the form's window answers the same and creates nothing. The unique
 * index on (form, fingerprint) makes a concurrent twin wait and fail instead of creating a lead.
 */
@Entity
@Table(name = "web_form_submissions")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class WebFormSubmission {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "form_id", nullable = false, length = 36) private String formId;
    @Column(nullable = false, length = 64) private String fingerprint;
    @Column(name = "lead_id", length = 36) private String leadId;
    @Column(name = "created_at", nullable = false) private Instant createdAt;

    protected WebFormSubmission() {
    }

    /** Recorded before the lead is written, so that a concurrent twin waits on the unique index. */
    WebFormSubmission(String formId, String fingerprint) {
        this.id = Ids.next();
        this.formId = formId;
        this.fingerprint = fingerprint;
        this.createdAt = Timestamps.now();
    }

    void createdLead(String id) {
        this.leadId = id;
    }

    String id() { return id; }
    String leadId() { return leadId; }
    Instant createdAt() { return createdAt; }
}
