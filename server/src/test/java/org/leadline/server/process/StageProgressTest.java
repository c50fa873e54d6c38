package org.leadline.server.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.leadline.api.problem.FieldError;
import org.leadline.plugin.api.process.StageDefinition;

class StageProgressTest {

    private static final StageDefinition QUALIFY = new StageDefinition("qualify", "Qualify", List.of(),
            List.of("person.email", "qualification.budget", "qualification.decisionMaker", "stakeholders"),
            List.of("Need confirmed"));

    @Test
    void aStageIsCompleteWhenItsFieldsFactsAndChecklistAreThere() {
        JsonObject lead = Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder().add("email", "a@b.example"))
                .add("qualification", Json.createObjectBuilder()
                        .add("budget", Json.createObjectBuilder().add("amount", 5).add("currency", "EUR"))
                        .add("decisionMaker", false))
                .build();
        StageProgress done = StageProgress.of(QUALIFY, lead, Map.of("stakeholders", 1L),
                Set.of(StageProgress.tickKey("qualify", "Need confirmed")));
        assertTrue(done.complete(), "false is a known answer to 'decision maker?'");
        assertEquals(List.of(), done.missing());
    }

    @Test
    void whatIsMissingIsListedFieldByField() {
        JsonObject lead = Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder().add("email", "  "))
                .add("qualification", Json.createObjectBuilder().addNull("budget"))
                .build();
        StageProgress open = StageProgress.of(QUALIFY, lead, Map.of(), Set.of());
        assertFalse(open.complete());
        assertEquals(List.of("person.email", "qualification.budget", "qualification.decisionMaker", "stakeholders",
                "checklist.qualify"), open.missing().stream().map(FieldError::field).toList());
        assertTrue(open.missing().get(3).reason().contains("at least one"));
    }

    @Test
    void timeInStageSumsEveryVisit() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<StageChange> history = List.of(
                new StageChange("l", "qualify", "develop", t0.plusSeconds(10), "u"),
                new StageChange("l", "develop", "qualify", t0.plusSeconds(30), "u"),
                new StageChange("l", "qualify", "develop", t0.plusSeconds(35), "u"));
        Map<String, Duration> spent = ProcessService.timeInStage(t0, "qualify", history, t0.plusSeconds(100));
        assertEquals(Duration.ofSeconds(15), spent.get("qualify"));
        assertEquals(Duration.ofSeconds(85), spent.get("develop"));
    }
}
