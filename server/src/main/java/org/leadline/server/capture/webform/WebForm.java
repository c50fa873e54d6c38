package org.leadline.server.capture.webform;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.api.lead.Source;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;

/**
 * A tenant's web form: how its fields become a lead, where it may be posted from, and how it is
 * protected from spam. The public key is random and separate from the id, so a key that leaked
 * can be replaced without losing the form's history.
 */
@Entity
@Table(name = "web_forms")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class WebForm {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "form_key", nullable = false, length = 64) private String formKey;
    @Column(nullable = false, length = 200) private String name;
    @Column(nullable = false, length = 32000) private String fields;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16) private Source source;
    @Column(name = "source_detail", length = 200) private String sourceDetail;
    @Column(name = "allowed_origins", nullable = false, length = 8000) private String allowedOrigins;
    @Column(name = "redirect_url", length = 500) private String redirectUrl;
    @Column(nullable = false) private boolean enabled;
    @Column(name = "honeypot_field", length = 64) private String honeypotField;
    @Column(name = "min_fill_seconds", nullable = false) private int minFillSeconds;
    @Column(name = "per_ip_per_minute", nullable = false) private int perIpPerMinute;
    @Column(name = "per_form_per_minute", nullable = false) private int perFormPerMinute;
    @Column(name = "duplicate_window_seconds", nullable = false) private int duplicateWindowSeconds;
    @Column(name = "owner_id", nullable = false, length = 36) private String ownerId;
    @Column(name = "token_secret", nullable = false, length = 64) private String tokenSecret;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 36) private String createdBy;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 36) private String updatedBy;
    @Version private long version;

    protected WebForm() {
    }

    static WebForm create(WebFormDefinition d, String userId) {
        WebForm f = new WebForm();
        f.id = Ids.next();
        f.formKey = randomText(24);
        f.tokenSecret = randomText(32);
        f.createdAt = Timestamps.now();
        f.createdBy = userId;
        f.apply(d, userId, f.createdAt);
        return f;
    }

    void apply(WebFormDefinition d, String userId) {
        apply(d, userId, Timestamps.now());
    }

    private void apply(WebFormDefinition d, String userId, Instant now) {
        name = d.name();
        fields = WebFormJson.writeFields(d.fields()).toString();
        source = d.source();
        sourceDetail = d.sourceDetail();
        allowedOrigins = String.join("\n", d.allowedOrigins());
        redirectUrl = d.redirectUrl();
        enabled = d.enabled();
        honeypotField = d.honeypotField();
        minFillSeconds = d.minFillSeconds();
        perIpPerMinute = d.perIpPerMinute();
        perFormPerMinute = d.perFormPerMinute();
        duplicateWindowSeconds = d.duplicateWindowSeconds();
        ownerId = d.ownerId() != null ? d.ownerId() : userId;
        updatedAt = now;
        updatedBy = userId;
    }

    /** A new public key: the old one stops working at once. */
    void rotateKey(String userId) {
        formKey = randomText(24);
        tokenSecret = randomText(32);
        updatedAt = Timestamps.now();
        updatedBy = userId;
    }

    private static String randomText(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public String id() { return id; }
    public String formKey() { return formKey; }
    public String name() { return name; }
    public List<WebFormDefinition.Field> fields() { return WebFormJson.readStoredFields(fields); }
    public Source source() { return source; }
    public String sourceDetail() { return sourceDetail; }
    public List<String> allowedOrigins() {
        return allowedOrigins.isEmpty() ? List.of() : List.of(allowedOrigins.split("\n"));
    }
    public String redirectUrl() { return redirectUrl; }
    public boolean enabled() { return enabled; }
    public String honeypotField() { return honeypotField; }
    public int minFillSeconds() { return minFillSeconds; }
    public int perIpPerMinute() { return perIpPerMinute; }
    public int perFormPerMinute() { return perFormPerMinute; }
    public int duplicateWindowSeconds() { return duplicateWindowSeconds; }
    public String ownerId() { return ownerId; }
    String tokenSecret() { return tokenSecret; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
    public long version() { return version; }

    WebFormDefinition definition() {
        return new WebFormDefinition(name, fields(), source, sourceDetail, allowedOrigins(), redirectUrl, enabled,
                honeypotField, minFillSeconds, perIpPerMinute, perFormPerMinute, duplicateWindowSeconds, ownerId);
    }
}
