package org.leadline.server.conversion;

import java.io.StringReader;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.leadline.api.lead.LeadStatus;
import org.leadline.server.lead.Lead;
import org.leadline.server.lead.LeadDetails;
import org.leadline.server.platform.json.Json;
import org.leadline.server.tenancy.TenantPersistence;

/**
 * What qualification made of a lead, as {@code conversion}: the ids of the contact, account (null
 * when the lead had no company) and opportunity, from the stored result of its first qualification.
 * Only a qualified lead is looked up.
 */
@ApplicationScoped
public class ConversionDetails implements LeadDetails<LeadDetails.Converted> {

    @Inject
    TenantPersistence persistence;

    @Override
    public LeadDetails.Converted of(Lead lead) {
        if (lead.status() != LeadStatus.QUALIFIED) {
            return null;
        }
        List<LeadConversion> rows = persistence.em().createQuery(
                        "SELECT c FROM LeadConversion c WHERE c.leadId = :lead", LeadConversion.class)
                .setParameter("lead", lead.id()).setMaxResults(1).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        JsonObject result = Json.createReader(new StringReader(rows.get(0).result())).readObject();
        String contactId = id(result, "contact");
        String opportunityId = id(result, "opportunity");
        if (contactId == null || opportunityId == null) {
            return null;
        }
        return new LeadDetails.Converted(contactId, id(result, "account"), opportunityId);
    }

    private static String id(JsonObject result, String part) {
        JsonValue v = result.get(part);
        if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        JsonObject o = v.asJsonObject();
        return o.containsKey("id") && !o.isNull("id") ? o.getString("id") : null;
    }
}
