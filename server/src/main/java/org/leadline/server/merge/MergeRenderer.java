package org.leadline.server.merge;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.leadline.server.tenancy.TenantPersistence;
import org.leadline.server.timeline.TimelineKind;
import org.leadline.server.timeline.TimelineRenderer;

/** Shows a merge on the survivor's timeline: which leads were merged in, by whom, and what moved. */
@ApplicationScoped
public class MergeRenderer implements TimelineRenderer {

    @Inject
    TenantPersistence persistence;

    @Override
    public TimelineKind kind() {
        return TimelineKind.MERGE;
    }

    @Override
    public Map<String, MergeEntryView> render(Collection<String> ids) {
        Map<String, MergeEntryView> out = new HashMap<>();
        persistence.em().createQuery("SELECT m FROM LeadMerge m WHERE m.id IN :ids", LeadMerge.class)
                .setParameter("ids", ids).getResultList()
                .forEach(m -> out.put(m.id(), view(m)));
        return out;
    }

    static MergeEntryView view(LeadMerge m) {
        JsonObject details = m.details();
        List<MergeEntryView.MergedLead> merged = details.getJsonArray("mergedLeads").getValuesAs(JsonObject.class)
                .stream().map(snapshot -> {
                    JsonObject lead = snapshot.getJsonObject("lead");
                    JsonObject person = lead.getJsonObject("person");
                    JsonObject company = lead.getJsonObject("company");
                    // its stage history stays here: the survivor's process position and time in stage are its own
                    List<MergeEntryView.StageStep> history = snapshot.getOrDefault("stageHistory",
                                    JsonValue.EMPTY_JSON_ARRAY).asJsonArray().getValuesAs(JsonObject.class).stream()
                            .map(step -> MergeService.stored(step, MergeEntryView.StageStep.class)).toList();
                    return new MergeEntryView.MergedLead(lead.getString("id"), text(person, "firstName"),
                            text(person, "lastName"), text(person, "email"), text(company, "name"),
                            text(lead, "stage"), history);
                }).toList();
        List<MergeResult.FieldChoice> fields = details.getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                .map(f -> new MergeResult.FieldChoice(f.getString("field"), null, f.getString("from"), null, null))
                .toList();
        return new MergeEntryView(m.id(), m.leadId(), merged, m.mergedAt(), m.mergedBy(), fields,
                MergeService.stored(details.getJsonObject("moves"), MergeResult.Moves.class));
    }

    private static String text(JsonObject o, String member) {
        return o == null || !(o.get(member) instanceof jakarta.json.JsonString s) ? null : s.getString();
    }
}
