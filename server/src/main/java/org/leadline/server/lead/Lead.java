package org.leadline.server.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

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
import org.leadline.api.lead.ContactMethod;
import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.LeadData.Address;
import org.leadline.api.lead.LeadData.Company;
import org.leadline.api.lead.LeadData.Money;
import org.leadline.api.lead.LeadData.Origin;
import org.leadline.api.lead.LeadData.Person;
import org.leadline.api.lead.LeadData.Qualification;
import org.leadline.api.lead.LeadStatus;
import org.leadline.api.lead.PurchaseProcess;
import org.leadline.api.lead.PurchaseTimeframe;
import org.leadline.api.lead.Rating;
import org.leadline.api.lead.Source;
import org.leadline.server.platform.persistence.Ids;
import org.leadline.server.platform.persistence.Timestamps;

/**
 * A potential customer and everything known about them: the lead aggregate.
 *
 * <p>Stored flat, one row per lead, so listing and filtering touch one table. The {@code *_key}
 * columns hold lower-cased copies of the sortable and searchable values, indexed per tenant.
 */
@Entity
@Table(name = "leads")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class Lead {

    @Id
    @Column(length = 36)
    private String id;

    // person
    @Column(length = 20) private String salutation;
    @Column(name = "first_name", length = 100) private String firstName;
    @Column(name = "last_name", nullable = false, length = 100) private String lastName;
    @Column(name = "job_title", length = 128) private String jobTitle;
    @Column(length = 254) private String email;
    @Column(name = "business_phone", length = 40) private String businessPhone;
    @Column(name = "mobile_phone", length = 40) private String mobilePhone;
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_contact", length = 16) private ContactMethod preferredContactMethod;
    @Column(length = 35) private String language;

    // company
    @Column(name = "company_name", length = 200) private String companyName;
    @Column(length = 500) private String website;
    @Column(length = 100) private String industry;
    private Integer employees;
    @Column(name = "revenue_amount", precision = 19, scale = 2) private BigDecimal revenueAmount;
    @Column(name = "revenue_currency", length = 3) private String revenueCurrency;
    @Column(length = 200) private String street;
    @Column(name = "postal_code", length = 20) private String postalCode;
    @Column(length = 100) private String city;
    @Column(length = 100) private String region;
    @Column(length = 2) private String country;

    // origin
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16) private Source source;
    @Column(name = "source_detail", length = 200) private String sourceDetail;

    // qualification criteria
    @Column(name = "budget_amount", precision = 19, scale = 2) private BigDecimal budgetAmount;
    @Column(name = "budget_currency", length = 3) private String budgetCurrency;
    @Column(length = 4000) private String need;
    @Enumerated(EnumType.STRING)
    @Column(name = "purchase_timeframe", length = 16) private PurchaseTimeframe purchaseTimeframe;
    @Column(name = "decision_maker") private Boolean decisionMaker;
    @Column(name = "decision_maker_name", length = 200) private String decisionMakerName;
    @Enumerated(EnumType.STRING)
    @Column(name = "purchase_process", length = 16) private PurchaseProcess purchaseProcess;
    @Column(name = "purchase_process_notes", length = 2000) private String purchaseProcessNotes;

    @Column(length = 200) private String topic;
    @Column(length = 4000) private String description;
    @Column(name = "owner_id", nullable = false, length = 36) private String ownerId;

    // owned by the server
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16) private LeadStatus status;
    @Enumerated(EnumType.STRING)
    @Column(length = 8) private Rating rating;
    private Integer score;
    @Column(length = 64) private String stage;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 36) private String createdBy;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 36) private String updatedBy;
    /** The CSV import that created the lead, if one did; written by the import's bulk insert only. */
    @Column(name = "import_id", length = 36, insertable = false, updatable = false) private String importId;
    @Version private long version;
    // soft deletion: a deleted lead is hidden until it is restored or purged
    @Column(name = "deleted_at") private Instant deletedAt;
    @Column(name = "deleted_by", length = 36) private String deletedBy;

    // lower-cased copies for sorting, searching and duplicate checks
    @Column(name = "last_name_key", nullable = false, length = 100) private String lastNameKey;
    @Column(name = "company_key", nullable = false, length = 200) private String companyKey;
    @Column(name = "email_key", length = 254) private String emailKey;
    // E.164 forms of the phone numbers (PhoneKeys), for duplicate checks
    @Column(name = "business_phone_key", length = 20) private String businessPhoneKey;
    @Column(name = "mobile_phone_key", length = 20) private String mobilePhoneKey;

    protected Lead() {
    }

    public static Lead create(LeadData data, String userId) {
        Lead lead = new Lead();
        lead.id = Ids.next();
        lead.status = LeadStatus.OPEN;
        lead.createdAt = Timestamps.now();
        lead.createdBy = userId;
        lead.apply(data, userId, lead.createdAt);
        return lead;
    }

    /** Replaces every client-written field with {@code data}. */
    public void apply(LeadData data, String userId) {
        apply(data, userId, Timestamps.now());
    }

    private void apply(LeadData data, String userId, Instant now) {
        Person p = data.person();
        salutation = p.salutation();
        firstName = p.firstName();
        lastName = p.lastName();
        jobTitle = p.jobTitle();
        email = p.email();
        businessPhone = p.businessPhone();
        mobilePhone = p.mobilePhone();
        preferredContactMethod = p.preferredContactMethod();
        language = p.language();

        Company c = data.company() != null ? data.company() : new Company(null, null, null, null, null, null);
        companyName = c.name();
        website = c.website();
        industry = c.industry();
        employees = c.employees();
        revenueAmount = c.annualRevenue() != null ? amount(c.annualRevenue().amount()) : null;
        revenueCurrency = c.annualRevenue() != null ? c.annualRevenue().currency() : null;
        Address a = c.address() != null ? c.address() : new Address(null, null, null, null, null);
        street = a.street();
        postalCode = a.postalCode();
        city = a.city();
        region = a.region();
        country = a.country();

        source = data.origin().source();
        sourceDetail = data.origin().detail();

        Qualification q = data.qualification() != null ? data.qualification()
                : new Qualification(null, null, null, null, null, null, null);
        budgetAmount = q.budget() != null ? amount(q.budget().amount()) : null;
        budgetCurrency = q.budget() != null ? q.budget().currency() : null;
        need = q.need();
        purchaseTimeframe = q.purchaseTimeframe();
        decisionMaker = q.decisionMaker();
        decisionMakerName = q.decisionMakerName();
        purchaseProcess = q.purchaseProcess();
        purchaseProcessNotes = q.purchaseProcessNotes();

        topic = data.topic();
        description = data.description();
        ownerId = data.ownerId() != null ? data.ownerId() : userId;

        lastNameKey = key(lastName, 100);
        companyKey = CompanyNames.key(companyName);
        emailKey = email == null ? null : email.toLowerCase(Locale.ROOT);
        businessPhoneKey = PhoneKeys.key(businessPhone, country);
        mobilePhoneKey = PhoneKeys.key(mobilePhone, country);

        updatedAt = now;
        updatedBy = userId;
    }

    /** Money is kept with two decimals, so a value reads back exactly as it was stored. */
    private static BigDecimal amount(BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    /**
     * The sort key of a name: folded like search terms, so that "Müller" sorts among the M's on
     * every database rather than after "Z" where a database compares code points, and cut to its
     * column (folding "ß" to "ss" can lengthen a name).
     */
    static String key(String value, int maxLength) {
        String key = value == null ? "" : SearchTerms.normalize(value.strip());
        return key.length() > maxLength ? key.substring(0, maxLength) : key;
    }

    public LeadData data() {
        Person person = new Person(salutation, firstName, lastName, jobTitle, email, businessPhone, mobilePhone,
                preferredContactMethod, language);
        Address address = new Address(street, postalCode, city, region, country);
        Company company = new Company(companyName, website, industry, employees,
                revenueAmount != null ? new Money(revenueAmount, revenueCurrency) : null, address);
        Qualification qualification = new Qualification(
                budgetAmount != null ? new Money(budgetAmount, budgetCurrency) : null, need, purchaseTimeframe,
                decisionMaker, decisionMakerName, purchaseProcess, purchaseProcessNotes);
        return new LeadData(person, company, new Origin(source, sourceDetail), qualification, topic, description,
                ownerId);
    }

    /**
     * Sets the rating the qualification rules gave. Unchanged values leave the row (and its version)
     * alone, so re-rating a lead that rates the same writes nothing here.
     */
    public void rate(Rating newRating, Integer newScore) {
        if (newRating != rating) {
            rating = newRating;
        }
        if (!java.util.Objects.equals(newScore, score)) {
            score = newScore;
        }
    }

    /**
     * Sets the rating on a detached lead whose row a bulk statement writes with the rating, the
     * score and the version one up (the re-rating job), so the object shows the row as written.
     */
    public void rateWritten(Rating newRating, Integer newScore) {
        rating = newRating;
        score = newScore;
        version++;
    }

    public String id() { return id; }
    public String firstName() { return firstName; }
    public String lastName() { return lastName; }
    public String email() { return email; }
    public String companyName() { return companyName; }
    public String ownerId() { return ownerId; }
    public Source source() { return source; }
    public LeadStatus status() { return status; }
    public Rating rating() { return rating; }
    public Integer score() { return score; }
    public String stage() { return stage; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public String importId() { return importId; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
    public long version() { return version; }
    public Instant deletedAt() { return deletedAt; }
    public String deletedBy() { return deletedBy; }

    /** The staged process moved the lead; {@code null} for the process's first stage. */
    public void moveToStage(String stageKey, String userId) {
        stage = stageKey;
        touch(userId);
    }

    /** Qualifying, disqualifying and reopening change the status; only the closing feature does that. */
    public void changeStatus(LeadStatus newStatus, String userId) {
        status = newStatus;
        touch(userId);
    }

    public void markDeleted(String userId) {
        deletedAt = Timestamps.now();
        deletedBy = userId;
        touch(userId);
    }

    public void restore(String userId) {
        deletedAt = null;
        deletedBy = null;
        touch(userId);
    }

    private void touch(String userId) {
        updatedAt = Timestamps.now();
        updatedBy = userId;
    }
    public String lastNameKey() { return lastNameKey; }
    public String companyKey() { return companyKey; }
    public String emailKey() { return emailKey; }
    public String businessPhoneKey() { return businessPhoneKey; }
    public String mobilePhoneKey() { return mobilePhoneKey; }
    public String businessPhone() { return businessPhone; }
    public String mobilePhone() { return mobilePhone; }
    public String country() { return country; }
    public String topic() { return topic; }

}
