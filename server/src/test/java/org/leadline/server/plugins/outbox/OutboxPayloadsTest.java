package org.leadline.server.plugins.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leadline.plugin.api.LeadView;
import org.leadline.plugin.api.Money;
import org.leadline.plugin.api.Rating;
import org.leadline.plugin.api.conversion.Conversion;
import org.leadline.plugin.api.lifecycle.LeadLifecycleEvent;

class OutboxPayloadsTest {

    private static final LeadView LEAD = new LeadView("0193a3f2-aaaa-7bbb-8ccc-000000000001", "OPEN", Rating.HOT, 85,
            "develop", "user-1", "Ms", "Anna", "Schmidt", "Head of Sales", "anna@acme.example", "+49 30 1234567",
            "ACME GmbH", "Software", 250, new Money(new BigDecimal("1200000.50"), "EUR"), "DE", "TRADE_FAIR",
            "Hannover Messe", new Money(new BigDecimal("50000"), "EUR"), "Replace spreadsheets\nand e-mail",
            "THIS_QUARTER", Boolean.TRUE, "CRM for the sales team", Instant.parse("2026-12-01T10:15:30.123456Z"),
            Instant.parse("2026-12-02T08:00:00Z"), 7, 2, Boolean.TRUE, 1, 3, Instant.parse("2026-12-02T07:00:00Z"), 4);

    @Test
    void aLeadEventIsToldExactlyAsItWasWhenItsChangeCommitted() {
        LeadLifecycleEvent event = new LeadLifecycleEvent(LeadLifecycleEvent.Kind.RATED, LEAD, "user-2",
                Instant.parse("2026-12-02T08:00:00.000001Z"), Map.of("fromRating", "WARM", "toRating", "HOT", "score", "85"));
        assertEquals(event, OutboxPayloads.event(OutboxPayloads.write(event)));
    }

    @Test
    void aLeadWithFewFactsStaysWithoutThem() {
        LeadView sparse = new LeadView("0193a3f2-aaaa-7bbb-8ccc-000000000002", "OPEN", null, null, null, "user-1",
                null, null, "Doe", null, null, null, null, null, null, null, null, "WEB", null, null, null, null, null,
                null, Instant.parse("2026-12-01T10:15:30Z"), Instant.parse("2026-12-01T10:15:30Z"), 0);
        LeadLifecycleEvent event = new LeadLifecycleEvent(LeadLifecycleEvent.Kind.CREATED, sparse, "user-1",
                Instant.parse("2026-12-01T10:15:30Z"), Map.of());
        assertEquals(event, OutboxPayloads.event(OutboxPayloads.write(event)));
    }

    @Test
    void aQualificationIsToldWithWhatWasCreated() {
        Conversion conversion = new Conversion(LEAD, "contact-1", null, "opportunity-1", "user-3");
        assertEquals(conversion, OutboxPayloads.conversion(OutboxPayloads.write(conversion)));
    }
}
