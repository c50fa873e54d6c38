package org.leadline.server.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonValue;

import org.leadline.api.process.LeadProcessView;
import org.leadline.api.process.LeadProcessView.ChecklistItem;
import org.leadline.api.process.LeadProcessView.Choice;
import org.leadline.api.process.LeadProcessView.Offer;
import org.leadline.api.process.LeadProcessView.OfferStage;
import org.leadline.api.process.LeadProcessView.ProcessRef;
import org.leadline.api.process.LeadProcessView.RequiredField;
import org.leadline.api.process.LeadProcessView.Stage;
import org.leadline.api.process.LeadProcessView.StageChangeView;
import org.leadline.server.platform.json.Json;
import org.leadline.server.plugins.ProcessDefinitions;

/** Makes the API's representations of the process ({@link LeadProcessView} and its parts). */
public final class ProcessViewMapper {

    private ProcessViewMapper() {
    }

    public static LeadProcessView of(ProcessService.LeadProcess p) {
        List<Stage> stages = new ArrayList<>();
        int current = p.index(p.currentStage());
        for (int i = 0; i < p.stages().size(); i++) {
            StageProgress s = p.stages().get(i);
            Duration spent = p.timeInStage().get(s.stage().key());
            stages.add(new Stage(s.stage().key(), s.stage().name(), i == current, i <= current,
                    List.copyOf(s.stage().steps()),
                    s.fields().stream().map(r -> new RequiredField(r.name(), r.done())).toList(),
                    s.checklist().stream().map(r -> new ChecklistItem(r.name(), r.done())).toList(),
                    s.complete(), List.copyOf(s.missing()), spent == null ? 0L : spent.toSeconds()));
        }
        boolean hasNext = p.next().isPresent();
        return new LeadProcessView(p.lead().id(), new ProcessRef(p.process().key(), p.process().description()),
                p.currentStage(), p.current().stage().name(),
                hasNext ? Json.createValue(p.next().get().stage().key()) : JsonValue.NULL,
                hasNext && p.current().complete(), List.copyOf(p.current().missing()), stages,
                p.history().stream().map(ProcessViewMapper::stageChange).toList(), p.lead().version());
    }

    static StageChangeView stageChange(StageChange c) {
        return new StageChangeView(c.id(), c.fromStage() == null ? JsonValue.NULL : Json.createValue(c.fromStage()),
                c.toStage(), c.changedAt(), c.changedBy());
    }

    static Offer offer(ProcessDefinitions.ProcessOffer o) {
        return new Offer(o.key(), o.pluginId(), o.extensionId(), o.description(), o.stages().stream()
                .map(s -> new OfferStage(s.key(), s.name(), List.copyOf(s.steps()), List.copyOf(s.requiredFields()),
                        List.copyOf(s.exitCriteria()))).toList());
    }

    static Choice choice(ProcessService.Choice c) {
        return new Choice(c.available().stream().map(ProcessViewMapper::offer).toList(),
                c.current() == null ? JsonValue.NULL : Json.createValue(c.current().key()), c.version());
    }
}
