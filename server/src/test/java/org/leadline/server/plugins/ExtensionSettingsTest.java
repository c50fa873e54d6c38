package org.leadline.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.leadline.api.problem.FieldError;
import org.leadline.plugin.api.ExtensionConfig;
import org.leadline.plugin.api.Setting;
import org.leadline.plugin.api.SettingType;

class ExtensionSettingsTest {

    private static final List<Setting> WEBHOOK = List.of(
            Setting.of("endpoint", SettingType.URL).asRequired(),
            Setting.of("apiKey", SettingType.STRING).asSecret(),
            Setting.of("retries", SettingType.INTEGER).defaultValue("3"),
            Setting.of("threshold", SettingType.DECIMAL),
            Setting.of("active", SettingType.BOOLEAN).defaultValue("true"),
            Setting.of("format", SettingType.CHOICE).options("json", "form").defaultValue("json"));

    @Test
    void aCompleteFormIsStoredAndTypedForThePluginWithDefaults() {
        List<FieldError> errors = new ArrayList<>();
        JsonObject stored = ExtensionSettings.merge(WEBHOOK, Json.createObjectBuilder()
                .add("endpoint", "https://crm.example/hook").add("apiKey", "k-123").add("threshold", 12.5).build(),
                JsonValue.EMPTY_JSON_OBJECT, errors);
        assertEquals(List.of(), errors);
        ExtensionConfig config = ExtensionSettings.config(WEBHOOK, stored);
        assertEquals(URI.create("https://crm.example/hook"), config.url("endpoint").orElseThrow());
        assertEquals(3L, config.integer("retries").orElseThrow());
        assertEquals(new BigDecimal("12.5"), config.decimal("threshold").orElseThrow());
        assertTrue(config.bool("active").orElseThrow());
        assertEquals("json", config.string("format").orElseThrow());
        assertEquals("k-123", config.string("apiKey").orElseThrow());
        assertFalse(ExtensionSettings.visible(WEBHOOK, stored).containsKey("apiKey"));
        assertEquals(List.of("apiKey"), ExtensionSettings.secretsSet(WEBHOOK, stored));
    }

    @Test
    void everyWrongValueIsNamedAndTheMissingRequiredOneToo() {
        List<FieldError> errors = new ArrayList<>();
        ExtensionSettings.merge(WEBHOOK, Json.createObjectBuilder().add("retries", 2.5).add("active", "yes")
                .add("format", "xml").add("colour", "red").add("threshold", "high").build(), JsonValue.EMPTY_JSON_OBJECT, errors);
        assertEquals(List.of("settings.retries", "settings.active", "settings.format", "settings.colour",
                "settings.threshold", "settings.endpoint"), errors.stream().map(FieldError::field).toList());
        assertEquals("is required", errors.get(5).reason());
    }

    @Test
    void numbersOutsideTheDeclaredRangeAndTextNotMatchingThePatternAreRefused() {
        List<Setting> declared = List.of(
                Setting.of("points", SettingType.INTEGER).range(0, 250),
                Setting.of("budget", SettingType.DECIMAL).range(java.math.BigDecimal.ZERO, null),
                Setting.of("currency", SettingType.STRING).pattern("[A-Z]{3}"),
                Setting.of("factor", SettingType.DECIMAL));
        List<FieldError> errors = new ArrayList<>();
        ExtensionSettings.merge(declared, Json.createObjectBuilder().add("points", -1).add("budget", new BigDecimal("-0.01"))
                .add("currency", "NOT_A_VALUE").add("factor", new BigDecimal("1e400")).build(), JsonValue.EMPTY_JSON_OBJECT, errors);
        assertEquals(List.of(new FieldError("settings.points", "must be between 0 and 250"),
                new FieldError("settings.budget", "must be at least 0"),
                new FieldError("settings.currency", "must match [A-Z]{3}"),
                new FieldError("settings.factor", "must be a number below 10^18 with at most 12 decimal places")), errors);

        errors.clear();
        JsonObject stored = ExtensionSettings.merge(declared, Json.createObjectBuilder().add("points", 250)
                .add("budget", new BigDecimal("12.50")).add("currency", "EUR").add("factor", new BigDecimal("-3.5")).build(),
                JsonValue.EMPTY_JSON_OBJECT, errors);
        assertEquals(List.of(), errors);
        assertEquals(250, stored.getInt("points"));
    }

    @Test
    void aDefaultOutsideItsOwnRangeMakesTheDeclarationUnusable() {
        String problem = ExtensionSettings.declarationProblem("bant", List.of(
                Setting.of("points", SettingType.INTEGER).range(0, 250).defaultValue("300")));
        assertEquals("the default of points must be between 0 and 250", problem);
    }

    @Test
    void aSecretLeftOutIsKeptAndANullClearsIt() {
        JsonObject stored = Json.createObjectBuilder().add("endpoint", "https://a.example").add("apiKey", "old").build();
        List<FieldError> errors = new ArrayList<>();
        JsonObject kept = ExtensionSettings.merge(WEBHOOK, Json.createObjectBuilder().add("endpoint", "https://b.example").build(), stored, errors);
        assertEquals("old", kept.getString("apiKey"));
        JsonObject cleared = ExtensionSettings.merge(WEBHOOK, Json.createObjectBuilder().add("endpoint", "https://b.example")
                .addNull("apiKey").build(), stored, errors);
        assertFalse(cleared.containsKey("apiKey"));
        assertEquals(List.of(), errors);
    }

    @Test
    void aDeclarationWithABadIdDuplicateNamesOrAnUnparsableDefaultIsRefused() {
        assertTrue(ExtensionSettings.declarationProblem("Not An Id", List.of()).contains("id"));
        assertTrue(ExtensionSettings.declarationProblem("ok", List.of(Setting.of("a", SettingType.STRING),
                Setting.of("a", SettingType.INTEGER))).contains("twice"));
        assertTrue(ExtensionSettings.declarationProblem("ok", List.of(Setting.of("n", SettingType.INTEGER)
                .defaultValue("many"))).contains("must be an integer"));
        assertTrue(ExtensionSettings.declarationProblem("ok", List.of(Setting.of("c", SettingType.CHOICE))).contains("no options"));
        assertNull(ExtensionSettings.declarationProblem("ok", WEBHOOK));
    }

    @Test
    void aSingleLineTextRefusesLineBreaksAndAMultiLineOneKeepsThem() {
        List<Setting> declared = List.of(Setting.of("headline", SettingType.STRING),
                Setting.of("pitch", SettingType.STRING).asMultiLine());
        List<FieldError> errors = new ArrayList<>();
        JsonObject stored = ExtensionSettings.merge(declared, Json.createObjectBuilder().add("headline", "one\ntwo")
                .add("pitch", "one\ntwo").build(), JsonValue.EMPTY_JSON_OBJECT, errors);
        assertEquals(List.of(new FieldError("settings.headline", "must be a single line")), errors);
        assertEquals("one\ntwo", stored.getString("pitch"));
    }

    @Test
    void boundsPatternsOptionsAndLinesBelongToTheirTypesOnly() {
        assertTrue(ExtensionSettings.declarationProblem("ok", List.of(Setting.of("s", SettingType.STRING).range(0, 1)))
                .contains("only an INTEGER or DECIMAL"));
        assertTrue(ExtensionSettings.declarationProblem("ok", List.of(Setting.of("n", SettingType.INTEGER).pattern("[0-9]")))
                .contains("only a STRING"));
        assertTrue(ExtensionSettings.declarationProblem("ok", List.of(Setting.of("b", SettingType.BOOLEAN).asMultiLine()))
                .contains("multi-line"));
        assertTrue(ExtensionSettings.declarationProblem("ok", List.of(Setting.of("s", SettingType.STRING).options("a")))
                .contains("only a CHOICE"));
    }
}
