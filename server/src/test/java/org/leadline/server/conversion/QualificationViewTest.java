package org.leadline.server.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.leadline.api.conversion.QualificationView;
import org.leadline.api.conversion.QualificationView.Action;
import org.leadline.api.conversion.QualificationView.OpportunityPart;
import org.leadline.api.conversion.QualificationView.Part;
import org.leadline.api.lead.LeadStatus;
import org.leadline.server.platform.json.RecordJson;

/** The qualification result is stored as its JSON and replayed from it unchanged. */
class QualificationViewTest {

    @Test
    void aStoredResultIsReadBackAsTheSameAnswer() {
        QualificationView result = new QualificationView("lead-1", false, LeadStatus.QUALIFIED,
                new Part("contact-1", Action.LINKED, "same e-mail"), new Part("account-1", Action.CREATED, null),
                new OpportunityPart("opportunity-1", Action.CREATED, "CRM", 2, 1), null);
        String stored = RecordJson.toJson(result).toString();

        QualificationView replayed = ConversionService.stored(jakarta.json.Json.createReader(
                new java.io.StringReader(stored)).readObject());

        assertEquals(result, replayed);
        assertEquals(stored, RecordJson.toJson(replayed).toString());
    }

    @Test
    void aDryRunWithoutCompanyKeepsItsNulls() {
        QualificationView preview = new QualificationView("lead-1", true, LeadStatus.OPEN,
                new Part(null, Action.CREATED, null), null,
                new OpportunityPart(null, Action.CREATED, "Opportunity with Schmidt", 0, 0), null);
        JsonObject json = RecordJson.toJson(preview);

        assertTrue(json.isNull("account"), json.toString());
        assertTrue(json.getJsonObject("contact").isNull("id"), json.toString());
        assertTrue(json.getJsonObject("opportunity").isNull("id"), json.toString());
        assertEquals(preview, ConversionService.stored(json));
    }
}
