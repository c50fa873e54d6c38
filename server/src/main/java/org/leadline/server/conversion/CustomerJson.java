package org.leadline.server.conversion;

import java.io.StringReader;
import java.math.BigDecimal;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.leadline.server.platform.json.Json;

/** Contacts, accounts and opportunities as JSON. */
final class CustomerJson {

    private CustomerJson() {
    }

    static JsonObject contact(Contact c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", c.id());
        opt(b, "accountId", c.accountId());
        opt(b, "salutation", c.salutation());
        opt(b, "firstName", c.firstName());
        b.add("lastName", c.lastName());
        opt(b, "jobTitle", c.jobTitle());
        opt(b, "email", c.email());
        opt(b, "phone", c.phone());
        return b.add("createdAt", c.createdAt().toString()).add("updatedAt", c.updatedAt().toString())
                .add("version", c.version()).build();
    }

    static JsonObject account(Account a) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", a.id()).add("name", a.name());
        opt(b, "website", a.website());
        opt(b, "industry", a.industry());
        opt(b, "country", a.country());
        return b.add("createdAt", a.createdAt().toString()).add("updatedAt", a.updatedAt().toString())
                .add("version", a.version()).build();
    }

    static JsonObject opportunity(Opportunity o) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", o.id()).add("leadId", o.leadId())
                .add("contactId", o.contactId());
        opt(b, "accountId", o.accountId());
        b.add("topic", o.topic());
        money(b, "budget", o.budgetAmount(), o.budgetCurrency());
        money(b, "estimatedValue", o.valueAmount(), o.valueCurrency());
        opt(b, "expectedCloseDate", o.expectedClose() == null ? null : o.expectedClose().toString());
        b.add("stage", o.stage().name());
        b.add("stakeholders", Json.createReader(new StringReader(o.stakeholders() == null ? "[]" : o.stakeholders())).readArray());
        b.add("competitors", Json.createReader(new StringReader(o.competitors() == null ? "[]" : o.competitors())).readArray());
        opt(b, "closedAt", o.closedAt() == null ? null : o.closedAt().toString());
        opt(b, "closeReason", o.closeReason());
        return b.add("createdAt", o.createdAt().toString()).add("updatedAt", o.updatedAt().toString())
                .add("version", o.version()).build();
    }

    private static void money(JsonObjectBuilder b, String key, BigDecimal amount, String currency) {
        if (amount == null) {
            b.addNull(key);
        } else {
            b.add(key, Json.createObjectBuilder().add("amount", amount).add("currency", currency == null ? "" : currency));
        }
    }

    private static void opt(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }
}
