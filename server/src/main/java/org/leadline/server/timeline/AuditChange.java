package org.leadline.server.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.server.platform.persistence.Ids;

/**
 * One field of an audit entry: its value before and after. A row of its own (not a JSON blob) so
 * that "who changed the e-mail address" is an indexed query.
 */
@Entity
@Table(name = "audit_changes")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class AuditChange {

    /** Longer values are cut; the complete earlier text of a note is kept in its history. */
    static final int MAX_VALUE = 4000;

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36)
    private String leadId;

    @Column(name = "entry_id", nullable = false, length = 36)
    private String entryId;

    @Column(nullable = false)
    private int seq;

    @Column(name = "field_path", nullable = false, length = 100)
    private String field;

    @Column(name = "old_value", length = MAX_VALUE)
    private String oldValue;

    @Column(name = "new_value", length = MAX_VALUE)
    private String newValue;

    protected AuditChange() {
    }

    AuditChange(AuditEntry entry, int seq, FieldDiff.Change change) {
        this.id = Ids.next();
        this.leadId = entry.leadId();
        this.entryId = entry.id();
        this.seq = seq;
        this.field = change.field();
        this.oldValue = cut(change.from());
        this.newValue = cut(change.to());
    }

    static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }

    public String entryId() { return entryId; }
    public int seq() { return seq; }
    public String field() { return field; }
    public String oldValue() { return oldValue; }
    public String newValue() { return newValue; }
}
