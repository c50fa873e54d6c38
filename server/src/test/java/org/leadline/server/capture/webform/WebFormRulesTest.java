package org.leadline.server.capture.webform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.leadline.api.lead.Source;
import org.leadline.api.problem.FieldError;

/** The rules of web forms that need no server: origins, fill-time tokens, rate-limit windows. */
class WebFormRulesTest {

    private static WebForm form(int minFillSeconds, int perIp, int perForm) {
        WebFormDefinition d = new WebFormDefinition("Contact",
                List.of(new WebFormDefinition.Field("last_name", "lastName", true, 100)), Source.WEB, null,
                List.of("https://www.acme.example"), null, true, null, minFillSeconds, perIp, perForm, 600, null);
        return WebForm.create(d, "01a21bed-0000-7000-8000-000000000001");
    }

    @Test
    void originsAreComparedInTheirNormalForm() {
        assertEquals("https://www.acme.example", WebFormJson.origin("HTTPS://WWW.Acme.Example/"));
        assertEquals("http://localhost:8080", WebFormJson.origin("http://localhost:8080"));
        assertNull(WebFormJson.origin("https://www.acme.example/contact"), "an origin has no path");
        assertNull(WebFormJson.origin("ftp://acme.example"));
        assertNull(WebFormJson.origin("https://user@acme.example"));
        assertNull(WebFormJson.origin("null"), "a sandboxed page's origin is no origin");
        assertEquals("https://www.acme.example", WebFormJson.originOf("https://www.acme.example/contact.html?x=1"));
    }

    @Test
    void aTokenTellsHowLongTheFormWasOpenAndCannotBeForged() {
        WebForm form = form(3, 10, 100);
        Instant loaded = Instant.parse("2026-11-27T10:00:00Z");
        String token = FillTimeTokens.issue(form, loaded);
        FillTimeTokens.Check early = FillTimeTokens.check(form, token, loaded.plusSeconds(1));
        assertNotNull(early);
        assertTrue(early.tooFast());
        assertNull(FillTimeTokens.check(form, token, loaded.plusSeconds(3)));
        assertNotNull(FillTimeTokens.check(form, token, loaded.plusSeconds(25 * 3600)), "a day-old form is loaded again");
        String earlier = "1000" + token.substring(token.indexOf('.'));
        FillTimeTokens.Check forged = FillTimeTokens.check(form, earlier, loaded.plusSeconds(10));
        assertNotNull(forged);
        assertTrue(!forged.tooFast());
        assertNotNull(FillTimeTokens.check(form(3, 10, 100), token, loaded.plusSeconds(10)), "another form's token");
    }

    @Test
    void aClientOverItsLimitWaitsForTheNextMinute() {
        WebForm form = form(0, 2, 3);
        SubmissionRateLimits limits = new SubmissionRateLimits();
        long minute = 1_800_000_000_000L - 1_800_000_000_000L % 60_000;
        assertTrue(limits.acquire(form, "203.0.113.1", minute + 1_000).isEmpty());
        assertTrue(limits.acquire(form, "203.0.113.1", minute + 2_000).isEmpty());
        OptionalLong retry = limits.acquire(form, "203.0.113.1", minute + 15_500);
        assertEquals(45, retry.orElseThrow(), "seconds until the window ends, rounded up");
        assertTrue(limits.acquire(form, "203.0.113.2", minute + 16_000).isEmpty(), "another address has its own limit");
        assertTrue(limits.acquire(form, "203.0.113.3", minute + 17_000).isPresent(), "the form's limit holds for all");
        assertTrue(limits.acquire(form, "203.0.113.1", minute + 60_000).isEmpty(), "a new minute, a new count");
    }

    private static List<FieldError> errors(jakarta.json.JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        org.leadline.server.platform.json.RecordBodyReader.bind(body, WebFormView.class,
                jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator(), errors);
        return errors;
    }

    @Test
    void aFormMustSayWhereTheLastNameComesFrom() {
        List<FieldError> errors = errors(Json.createObjectBuilder().add("name", "x").add("fields", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "mail").add("leadField", "email"))).build());
        assertEquals(List.of("fields"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void theRulesAcrossMembersAreListedWithTheOtherErrorsOfTheBody() {
        List<FieldError> errors = errors(Json.createObjectBuilder()
                .add("fields", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "last_name").add("leadField", "lastName"))
                        .add(Json.createObjectBuilder().add("name", "x").add("leadField", "shoeSize"))
                        .add(7)
                        .add(Json.createObjectBuilder().add("name", "last_name").add("maxLength", 0)))
                .add("allowedOrigins", Json.createArrayBuilder().add("https://www.acme.example/contact"))
                .add("redirectUrl", "/thanks").add("honeypotField", "x").add("perIpPerMinute", 0)
                .add("id", "0190b6a0-0000-7000-8000-000000000000").build());
        java.util.Map<String, String> byField = new java.util.TreeMap<>();
        errors.forEach(e -> byField.merge(e.field(), e.reason(), (a, b) -> a + "; " + b));
        assertEquals(java.util.Set.of("name", "fields[0].required", "fields[1].leadField", "fields[2]",
                "fields[3].name", "fields[3].maxLength", "allowedOrigins[0]", "redirectUrl", "honeypotField",
                "perIpPerMinute", "id"), byField.keySet(), byField::toString);
        assertEquals("is used by another field of the form", byField.get("fields[3].name"));
        assertEquals("must not be one of the form's fields", byField.get("honeypotField"));
    }

    @Test
    void aFormLeftWithItsDefaults() {
        List<FieldError> errors = new ArrayList<>();
        WebFormView body = org.leadline.server.platform.json.RecordBodyReader.bind(Json.createObjectBuilder()
                .add("name", "Contact").add("fields", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "last_name").add("leadField", "lastName").add("required", true)))
                .add("allowedOrigins", Json.createArrayBuilder().add("HTTPS://WWW.Acme.Example/")
                        .add("https://www.acme.example")).build(),
                WebFormView.class, jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator(), errors);
        assertEquals(List.of(), errors);
        WebFormDefinition d = body.definition();
        assertEquals(Source.WEB, d.source());
        assertEquals(List.of("https://www.acme.example"), d.allowedOrigins());
        assertTrue(d.enabled());
        assertEquals(WebFormDefinition.DEFAULT_FIELD_LENGTH, d.fields().get(0).maxLength());
        assertEquals(WebFormJson.DEFAULT_PER_IP_PER_MINUTE, d.perIpPerMinute());
    }
}
