package org.leadline.server.conversion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.server.platform.persistence.Ids;

/** A reason for disqualifying that a tenant added to the built-in ones. */
@Entity
@Table(name = "disqualification_reasons")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class DisqualificationReason {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "reason_key", nullable = false, length = 64) private String key;

    protected DisqualificationReason() {
    }

    DisqualificationReason(String key) {
        this.id = Ids.next();
        this.key = key;
    }

    String key() { return key; }
}
