package org.leadline.server.conversion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

/**
 * A deal in the making, opened when a lead is qualified. It carries the lead's stakeholders and
 * competitors as they were at qualification (as JSON text: the lead's own lists go on changing or
 * disappear with the lead), and moves through its own pipeline until won or lost.
 */
@Entity
@Table(name = "opportunities")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = "eclipselink.tenant-id", length = 36)
public class Opportunity {

    /** The opportunity pipeline; WON and LOST end it. */
    public enum Stage { PROSPECTING, PROPOSAL, NEGOTIATION, WON, LOST;

        boolean closed() {
            return this == WON || this == LOST;
        }
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "lead_id", nullable = false, length = 36) private String leadId;
    @Column(name = "contact_id", nullable = false, length = 36) private String contactId;
    @Column(name = "account_id", length = 36) private String accountId;
    @Column(nullable = false, length = 200) private String topic;
    @Column(name = "budget_amount", precision = 19, scale = 2) private BigDecimal budgetAmount;
    @Column(name = "budget_currency", length = 3) private String budgetCurrency;
    @Column(name = "value_amount", precision = 19, scale = 2) private BigDecimal valueAmount;
    @Column(name = "value_currency", length = 3) private String valueCurrency;
    @Column(name = "expected_close") private LocalDate expectedClose;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16) private Stage stage;
    @Column(length = 16000) private String stakeholders;
    @Column(length = 16000) private String competitors;
    @Column(name = "closed_at") private Instant closedAt;
    @Column(name = "close_reason", length = 2000) private String closeReason;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "updated_at", nullable = false) private Instant updatedAt;
    @Version private long version;

    protected Opportunity() {
    }

    Opportunity(String leadId, String contactId, String accountId, String topic, BigDecimal budgetAmount,
                String budgetCurrency, BigDecimal valueAmount, String valueCurrency, LocalDate expectedClose,
                String stakeholders, String competitors) {
        this.id = Ids.next();
        this.leadId = leadId;
        this.contactId = contactId;
        this.accountId = accountId;
        this.topic = topic;
        this.budgetAmount = budgetAmount;
        this.budgetCurrency = budgetCurrency;
        this.valueAmount = valueAmount;
        this.valueCurrency = valueCurrency;
        this.expectedClose = expectedClose;
        this.stakeholders = stakeholders;
        this.competitors = competitors;
        this.stage = Stage.PROSPECTING;
        this.createdAt = Timestamps.now();
        this.updatedAt = createdAt;
    }

    void update(String newTopic, BigDecimal newValueAmount, String newValueCurrency, LocalDate newExpectedClose) {
        topic = newTopic;
        valueAmount = newValueAmount;
        valueCurrency = newValueCurrency;
        expectedClose = newExpectedClose;
        updatedAt = Timestamps.now();
    }

    void moveTo(Stage newStage, String reason) {
        stage = newStage;
        if (newStage.closed()) {
            closedAt = Timestamps.now();
            closeReason = reason;
        } else {
            closedAt = null;
            closeReason = null;
        }
        updatedAt = Timestamps.now();
    }

    public String id() { return id; }
    public String leadId() { return leadId; }
    public String contactId() { return contactId; }
    public String accountId() { return accountId; }
    public String topic() { return topic; }
    public BigDecimal budgetAmount() { return budgetAmount; }
    public String budgetCurrency() { return budgetCurrency; }
    public BigDecimal valueAmount() { return valueAmount; }
    public String valueCurrency() { return valueCurrency; }
    public LocalDate expectedClose() { return expectedClose; }
    public Stage stage() { return stage; }
    public String stakeholders() { return stakeholders; }
    public String competitors() { return competitors; }
    public Instant closedAt() { return closedAt; }
    public String closeReason() { return closeReason; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
