package org.leadline.server.capture;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.api.lead.Source;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;

/**
 * That a piece of inbound material with an external id (an e-mail's Message-ID) was taken in, and
 * what came of it. Unique per tenant and id: the second upload of a message answers with the first
 * one's outcome, and a reply finds the lead of its thread by the ids it refers to.
 */
@Entity
@Table(name = "intake_receipts")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class IntakeReceipt {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "external_key", nullable = false, length = 64) private String externalKey;
    @Column(name = "external_id", nullable = false, length = 500) private String externalId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16) private Source source;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16) private IntakeOutcome.Kind outcome;
    @Column(name = "lead_id", length = 36) private String leadId;
    @Column(length = 500) private String reason;
    @Column(name = "received_at", nullable = false) private Instant receivedAt;
    @Column(name = "received_by", nullable = false, length = 36) private String receivedBy;

    protected IntakeReceipt() {
    }

    IntakeReceipt(String externalId, Source source, IntakeOutcome.Kind outcome, String leadId, String reason, String userId) {
        this.id = Ids.next();
        this.externalKey = key(externalId);
        this.externalId = externalId.length() > 500 ? externalId.substring(0, 500) : externalId;
        this.source = source;
        this.outcome = outcome;
        this.leadId = leadId;
        this.reason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        this.receivedAt = Timestamps.now();
        this.receivedBy = userId;
    }

    /** The stored form of an external id: its SHA-256, so ids of any length fit one indexed column. */
    static String key(String externalId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(externalId.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String externalId() { return externalId; }
    public Source source() { return source; }
    public IntakeOutcome.Kind outcome() { return outcome; }
    public String leadId() { return leadId; }
    public String reason() { return reason; }
    public Instant receivedAt() { return receivedAt; }
}
