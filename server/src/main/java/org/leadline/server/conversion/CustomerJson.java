package org.leadline.server.conversion;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.leadline.api.conversion.OpportunityView;
import org.leadline.api.party.Attitude;
import org.leadline.api.party.BuyingRole;
import org.leadline.api.party.CompetitorStatus;
import org.leadline.server.platform.json.Json;

/**
 * Contacts, accounts and opportunities as the API writes them: every member present, the optional
 * ones as null when they have no value (their components are nullable, so the record writer keeps
 * them as null).
 */
final class CustomerJson {

    private CustomerJson() {
    }

    static ContactView contact(Contact c) {
        return new ContactView(c.id(), c.accountId(), c.salutation(), c.firstName(), c.lastName(), c.jobTitle(),
                c.email(), c.phone(), c.createdAt(), c.updatedAt(), c.version());
    }

    static AccountView account(Account a) {
        return new AccountView(a.id(), a.name(), a.website(), a.industry(), a.country(), a.createdAt(), a.updatedAt(),
                a.version());
    }

    static OpportunityView opportunity(Opportunity o) {
        return new OpportunityView(o.id(), o.leadId(), o.contactId(), o.accountId(), o.topic(),
                money(o.budgetAmount(), o.budgetCurrency()), money(o.valueAmount(), o.valueCurrency()),
                o.expectedClose(), OpportunityView.Stage.valueOf(o.stage().name()), stakeholders(o.stakeholders()),
                competitors(o.competitors()), o.closedAt(), o.closeReason(), o.createdAt(), o.updatedAt(), o.version());
    }

    /** An amount without a stored currency keeps an empty currency, as it always has. */
    private static OpportunityView.Amount money(BigDecimal amount, String currency) {
        return amount == null ? null : new OpportunityView.Amount(amount, currency == null ? "" : currency);
    }

    private static List<OpportunityView.Stakeholder> stakeholders(String json) {
        List<OpportunityView.Stakeholder> list = new ArrayList<>();
        for (JsonValue v : array(json)) {
            JsonObject s = v.asJsonObject();
            list.add(new OpportunityView.Stakeholder(s.getString("name"), BuyingRole.valueOf(s.getString("role")),
                    Attitude.valueOf(s.getString("attitude")), s.getString("jobTitle", null),
                    s.getString("email", null), s.getString("phone", null)));
        }
        return list;
    }

    private static List<OpportunityView.Competitor> competitors(String json) {
        List<OpportunityView.Competitor> list = new ArrayList<>();
        for (JsonValue v : array(json)) {
            JsonObject c = v.asJsonObject();
            list.add(new OpportunityView.Competitor(c.getString("name"), CompetitorStatus.valueOf(c.getString("status")),
                    c.getString("offer", null), c.getString("strengths", null), c.getString("weaknesses", null)));
        }
        return list;
    }

    private static JsonArray array(String json) {
        return Json.createReader(new StringReader(json == null ? "[]" : json)).readArray();
    }
}
