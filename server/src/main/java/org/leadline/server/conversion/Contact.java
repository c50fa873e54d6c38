package org.leadline.server.conversion;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;

/** A person the tenant does business with, created from a qualified lead or matched by e-mail. */
@Entity
@Table(name = "contacts")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class Contact {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "account_id", length = 36) private String accountId;
    @Column(length = 20) private String salutation;
    @Column(name = "first_name", length = 100) private String firstName;
    @Column(name = "last_name", nullable = false, length = 100) private String lastName;
    @Column(name = "job_title", length = 128) private String jobTitle;
    @Column(length = 254) private String email;
    @Column(name = "email_key", length = 254) private String emailKey;
    @Column(length = 40) private String phone;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Version private long version;

    protected Contact() {
    }

    Contact(String accountId, String salutation, String firstName, String lastName, String jobTitle, String email,
            String phone) {
        this.id = Ids.next();
        this.createdAt = Timestamps.now();
        this.accountId = accountId;
        update(salutation, firstName, lastName, jobTitle, email, phone);
    }

    void update(String newSalutation, String newFirstName, String newLastName, String newJobTitle, String newEmail,
                String newPhone) {
        salutation = newSalutation;
        firstName = newFirstName;
        lastName = newLastName;
        jobTitle = newJobTitle;
        email = newEmail;
        emailKey = Matching.emailKey(newEmail);
        phone = newPhone;
        updatedAt = Timestamps.now();
    }

    void linkAccount(String newAccountId) {
        if (accountId == null) {
            accountId = newAccountId;
        }
    }

    public String id() { return id; }
    public String accountId() { return accountId; }
    public String salutation() { return salutation; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public String jobTitle() { return jobTitle; }
    public String email() { return email; }
    public String phone() { return phone; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
