package org.leadline.server.process;

import java.time.Duration;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.leadline.plugin.api.process.StageDefinition;
import org.leadline.server.platform.json.Json;
import org.leadline.server.plugins.PluginHost.ProcessOffer;

/** The process views as JSON. */
final class ProcessJson {

    private ProcessJson() {
    }

    static JsonObject offer(ProcessOffer o) {
        JsonArrayBuilder stages = Json.createArrayBuilder();
        for (StageDefinition s : o.stages()) {
            stages.add(Json.createObjectBuilder().add("key", s.key()).add("name", s.name())
                    .add("steps", strings(s.steps())).add("requiredFields", strings(s.requiredFields()))
                    .add("checklist", strings(s.exitCriteria())));
        }
        return Json.createObjectBuilder().add("id", o.key()).add("pluginId", o.pluginId())
                .add("extensionId", o.extensionId()).add("description", o.description()).add("stages", stages).build();
    }

    static JsonObject lead(ProcessService.LeadProcess p) {
        JsonArrayBuilder stages = Json.createArrayBuilder();
        int current = p.index(p.currentStage());
        for (int i = 0; i < p.stages().size(); i++) {
            StageProgress s = p.stages().get(i);
            JsonArrayBuilder fields = Json.createArrayBuilder();
            s.fields().forEach(r -> fields.add(Json.createObjectBuilder().add("field", r.name()).add("done", r.done())));
            JsonArrayBuilder checklist = Json.createArrayBuilder();
            s.checklist().forEach(r -> checklist.add(Json.createObjectBuilder().add("item", r.name()).add("done", r.done())));
            Duration spent = p.timeInStage().get(s.stage().key());
            stages.add(Json.createObjectBuilder().add("key", s.stage().key()).add("name", s.stage().name())
                    .add("current", i == current).add("reached", i <= current)
                    .add("steps", strings(s.stage().steps())).add("requiredFields", fields).add("checklist", checklist)
                    .add("complete", s.complete()).add("missing", errors(s))
                    .add("timeSpentSeconds", spent == null ? 0 : spent.toSeconds()));
        }
        JsonArrayBuilder history = Json.createArrayBuilder();
        p.history().forEach(c -> history.add(StageChangeRenderer.json(c)));
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("leadId", p.lead().id())
                .add("process", Json.createObjectBuilder().add("id", p.process().key())
                        .add("description", p.process().description()))
                .add("stage", p.currentStage())
                .add("stageName", p.current().stage().name());
        if (p.next().isPresent()) {
            b.add("nextStage", p.next().get().stage().key()).add("canAdvance", p.current().complete());
        } else {
            b.addNull("nextStage").add("canAdvance", false);
        }
        return b.add("missing", errors(p.current())).add("stages", stages).add("history", history)
                .add("leadVersion", p.lead().version()).build();
    }

    private static JsonArrayBuilder errors(StageProgress s) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        s.missing().forEach(e -> a.add(Json.createObjectBuilder().add("field", e.field()).add("reason", e.reason())));
        return a;
    }

    private static JsonArrayBuilder strings(java.util.List<String> list) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        list.forEach(a::add);
        return a;
    }
}
