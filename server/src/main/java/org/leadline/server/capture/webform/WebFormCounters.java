package org.leadline.server.capture.webform;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** What happened to a form's submissions, counted since the form was created. */
@Entity
@Table(name = "web_form_counters")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class WebFormCounters {

    /** The counters, as the column each is kept in. */
    enum Counter {
        SUBMISSIONS("submissions"), LEADS_CREATED("leadsCreated"), DUPLICATES("duplicates"), HONEYPOT("honeypot"),
        TOO_FAST("tooFast"), INVALID("invalid"), RATE_LIMITED("rateLimited");

        final String attribute;

        Counter(String attribute) {
            this.attribute = attribute;
        }
    }

    @Id
    @Column(name = "form_id", length = 36)
    private String formId;

    @Column(nullable = false) private long submissions;
    @Column(name = "leads_created", nullable = false) private long leadsCreated;
    @Column(nullable = false) private long duplicates;
    @Column(nullable = false) private long honeypot;
    @Column(name = "too_fast", nullable = false) private long tooFast;
    @Column(nullable = false) private long invalid;
    @Column(name = "rate_limited", nullable = false) private long rateLimited;
    @Column(name = "last_submission_at") private Instant lastSubmissionAt;

    protected WebFormCounters() {
    }

    WebFormCounters(String formId) {
        this.formId = formId;
    }

    long submissions() { return submissions; }
    long leadsCreated() { return leadsCreated; }
    long duplicates() { return duplicates; }
    long honeypot() { return honeypot; }
    long tooFast() { return tooFast; }
    long invalid() { return invalid; }
    long rateLimited() { return rateLimited; }
    Instant lastSubmissionAt() { return lastSubmissionAt; }
}
