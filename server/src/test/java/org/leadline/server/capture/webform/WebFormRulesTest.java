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
import org.leadline.server.lead.Source;
import org.leadline.server.platform.problem.FieldError;

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

    @Test
    void aFormMustSayWhereTheLastNameComesFrom() {
        List<FieldError> errors = new ArrayList<>();
        WebFormJson.read(Json.createObjectBuilder().add("name", "x").add("fields", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("name", "mail").add("leadField", "email"))).build(), errors);
        assertEquals(List.of("fields"), errors.stream().map(FieldError::field).toList());
    }
}
