package org.leadline.server.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;

/** A request body is read into its record strictly, and every error of it is listed at once. */
class RecordBodyReaderTest {

    enum Kind { CALL, MEETING }

    record Amount(@NotNull @DecimalMin("0") BigDecimal amount,
                  @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code like EUR")
                  String currency) {
    }

    record Step(@NotNull @Size(max = 10) String name, @Min(1) Integer points) {
    }

    record Meeting(
            @Schema(readOnly = true) String id,
            @NotNull @Size(max = 20) String topic,
            @NotNull Kind kind,
            @Email String email,
            @Min(1) @Max(480) Integer minutes,
            Boolean done,
            LocalDate on,
            @Valid Amount value,
            @Size(max = 2) @Valid List<Step> steps,
            @Size(min = 1) List<Kind> kinds,
            List<String> tags) {
    }

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final int LIMIT = 4096;

    private final RecordBodyReader reader = new RecordBodyReader(LIMIT, VALIDATOR);

    private Record read(String json) throws IOException {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Record> type = (Class) Meeting.class;
        return reader.readFrom(type, Meeting.class, new java.lang.annotation.Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private Map<String, String> errors(String json) {
        ProblemException e = assertThrows(ProblemException.class, () -> read(json));
        assertEquals(ProblemType.VALIDATION, e.type(), e.getMessage());
        Map<String, String> errors = new TreeMap<>();
        for (FieldError f : e.errors()) {
            errors.merge(f.field(), f.reason(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    private ProblemException refused(String json) {
        return assertThrows(ProblemException.class, () -> read(json));
    }

    @Test
    void aCompleteMeetingIsRead() throws IOException {
        Meeting m = (Meeting) read("""
                {"topic": " Demo ", "kind": "meeting", "email": "anna@acme.example", "minutes": 30, "done": false,
                 "on": "2026-12-31", "value": {"amount": 1200.50, "currency": "EUR"},
                 "steps": [{"name": "agenda", "points": 2}], "kinds": ["CALL", "meeting"], "tags": ["a", "b"]}""");
        assertEquals("Demo", m.topic(), "text is stripped");
        assertEquals(Kind.MEETING, m.kind(), "enums ignore case");
        assertEquals(30, m.minutes());
        assertEquals(Boolean.FALSE, m.done());
        assertEquals(LocalDate.of(2026, 12, 31), m.on());
        assertEquals(new BigDecimal("1200.50"), m.value().amount());
        assertEquals(List.of(new Step("agenda", 2)), m.steps());
        assertEquals(List.of(Kind.CALL, Kind.MEETING), m.kinds());
        assertEquals(List.of("a", "b"), m.tags());
        assertNull(m.id());
    }

    @Test
    void aOneLineMemberRefusesLineBreaksAndControlCharacters() {
        assertEquals(Map.of("topic", RecordInput.SINGLE_LINE), errors("""
                {"topic": "Demo\\r\\nBcc: x", "kind": "CALL"}"""));
        assertEquals(Map.of("topic", RecordInput.SINGLE_LINE), errors("""
                {"topic": "a\u0085b", "kind": "CALL"}"""));
    }

    @Test
    void anUnknownMemberIsRefused() {
        assertEquals(Map.of("colour", "is not a known field"), errors("""
                {"topic": "Demo", "kind": "CALL", "colour": "red"}"""));
        assertEquals(Map.of("value.rate", "is not a known field"), errors("""
                {"topic": "Demo", "kind": "CALL", "value": {"amount": 1, "currency": "EUR", "rate": 2}}"""));
    }

    @Test
    void aMemberOfTheWrongTypeIsNamedAndNotAlsoReportedAsMissing() {
        assertEquals(Map.of("topic", "must be a string"), errors("""
                {"topic": 42, "kind": "CALL"}"""));
        assertEquals(Map.of("minutes", "must be a whole number", "done", "must be true or false",
                        "on", "must be a date like 2026-12-31", "value", "must be an object",
                        "tags", "must be an array"),
                errors("""
                        {"topic": "Demo", "kind": "CALL", "minutes": 1.5, "done": "yes", "on": "tomorrow",
                         "value": 5, "tags": "x"}"""));
        assertTrue(errors("""
                {"topic": "Demo", "kind": "LUNCH"}""").get("kind").startsWith("must be one of CALL, MEETING"));
    }

    @Test
    void everyErrorOfTheBodyIsListedAtOnce() {
        ProblemException e = refused("""
                {"kind": 7, "email": "not an address", "minutes": 0, "extra": true,
                 "value": {"amount": -1, "currency": "euro"},
                 "steps": [{"name": "a very long step name"}, {"points": 0}, {"name": "x"}, null], "kinds": [],
                 "tags": ["ok", 3]}""");
        Map<String, String> errors = new TreeMap<>();
        e.errors().forEach(f -> errors.put(f.field(), f.reason()));
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("topic", "is required"),
                Map.entry("kind", "must be a string"),
                Map.entry("email", "must be a valid e-mail address"),
                Map.entry("minutes", "must be at least 1"),
                Map.entry("extra", "is not a known field"),
                Map.entry("value.amount", "must be at least 0"),
                Map.entry("value.currency", "must be an ISO 4217 currency code like EUR"),
                Map.entry("steps", "must be at most 2 items"),
                Map.entry("steps[0].name", "must be at most 10 characters"),
                Map.entry("steps[1].name", "is required"),
                Map.entry("steps[1].points", "must be at least 1"),
                Map.entry("steps[3]", "must not be null"),
                Map.entry("kinds", "must have at least 1 items"),
                Map.entry("tags[1]", "must be a string"))), errors);
        assertEquals(14 + " fields are not valid", e.getMessage());
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertEquals(fields.stream().sorted().toList(), fields, "sorted by path");
    }

    @Test
    void constraintsWithoutAMessageSpeakTheApisWords() {
        assertEquals(Map.of("topic", "must be at most 20 characters", "minutes", "must be at most 480"),
                errors("""
                        {"topic": "a topic that is far too long", "kind": "CALL", "minutes": 481}"""));
        assertEquals(Map.of("topic", "is required", "kind", "is required"), errors("{}"));
        assertEquals(Map.of("topic", "is required"), errors("""
                {"topic": "   ", "kind": "CALL"}"""), "blank text is absent");
    }

    @Test
    void aReadOnlyMemberSentWithAValueIsRefusedAndNullIsIgnored() {
        assertEquals(Map.of("id", RecordBodyReader.READ_ONLY), errors("""
                {"id": "x", "topic": "Demo", "kind": "CALL"}"""));
        assertEquals("Demo", ((Meeting) assertDoesNotThrow("""
                {"id": null, "topic": "Demo", "kind": "CALL"}""")).topic());
    }

    private Record assertDoesNotThrow(String json) {
        try {
            return read(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theBodyMustBeOneJsonObjectWithinTheLimits() {
        assertEquals(ProblemType.MALFORMED_JSON, refused("").type());
        assertTrue(refused("").getMessage().contains("empty"));
        assertEquals(ProblemType.MALFORMED_JSON, refused("[1, 2]").type());
        assertTrue(refused("\"text\"").getMessage().contains("must be a JSON object"));
        ProblemException broken = refused("{\"topic\": ");
        assertEquals(ProblemType.MALFORMED_JSON, broken.type());
        assertTrue(broken.getMessage().contains("line 1"), broken.getMessage());
        assertEquals(ProblemType.MALFORMED_JSON, refused("""
                {"topic": "a", "topic": "b", "kind": "CALL"}""").type(), "duplicate keys");
        String big = "{\"topic\": \"" + "x".repeat(LIMIT) + "\"}";
        assertEquals(ProblemType.BODY_TOO_LARGE, refused(big).type());
        String deep = "{\"tags\": " + "[".repeat(1500) + "]".repeat(1500) + "}";
        RecordBodyReader roomy = new RecordBodyReader(64 * 1024, VALIDATOR);
        ProblemException nested = assertThrows(ProblemException.class, () -> roomy.readFrom(
                (Class) Meeting.class, Meeting.class, new java.lang.annotation.Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(deep.getBytes(StandardCharsets.UTF_8))));
        assertEquals(ProblemType.MALFORMED_JSON, nested.type(), "nesting deeper than the parser's limit");
    }

    @Test
    void onlyRecordsAreReadable() {
        assertTrue(reader.isReadable(Meeting.class, Meeting.class, null, MediaType.APPLICATION_JSON_TYPE));
        assertTrue(!reader.isReadable(String.class, String.class, null, MediaType.APPLICATION_JSON_TYPE));
        assertTrue(!reader.isReadable(jakarta.json.JsonObject.class, jakarta.json.JsonObject.class, null,
                MediaType.APPLICATION_JSON_TYPE));
    }

    record Contact(@NotNull @Size(max = 5) String lastName, @Email String email, @Valid Amount budget) {
    }

    private static jakarta.json.JsonObject json(String text) {
        try (var r = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
            return r.readObject();
        }
    }

    @Test
    void aMergePatchIsAppliedToTheCurrentStateAndReadAsTheRecord() {
        Contact stored = new Contact("Adams", "not an address", new Amount(BigDecimal.TEN, "EUR"));
        Contact patched = RecordBodyReader.patch(stored, json("""
                {"lastName": "Baker", "budget": {"amount": 20}}"""));
        assertEquals(new Contact("Baker", "not an address", new Amount(new BigDecimal("20"), "EUR")), patched,
                "members left out stay, nested objects merge, a stored value today's rules refuse does not block");
        assertNull(RecordBodyReader.patch(stored, json("""
                {"budget": null}""")).budget(), "null removes a member");
        ProblemException e = assertThrows(ProblemException.class, () -> RecordBodyReader.patch(stored, json("""
                {"lastName": null, "email": "x@@y", "budget": {"currency": "euro"}, "phone": "1"}""")));
        Map<String, String> errors = new TreeMap<>();
        e.errors().forEach(f -> errors.put(f.field(), f.reason()));
        assertEquals(Map.of("lastName", "is required", "email", "must be a valid e-mail address",
                "budget.currency", "must be an ISO 4217 currency code like EUR", "phone", "is not a known field"),
                errors);
    }

    @Test
    void aRecordBodyIsRequiredUnlessTheMethodSaysItIsOptional() throws NoSuchMethodException {
        class Methods {
            public void create(@jakarta.ws.rs.PathParam("id") String id, Meeting body) {
            }

            @org.leadline.server.platform.openapi.OptionalBody
            public void close(Meeting body) {
            }

            public void raw(jakarta.json.JsonObject body) {
            }
        }
        assertTrue(RequiredBody.requiresRecord(Methods.class.getMethod("create", String.class, Meeting.class)));
        assertTrue(!RequiredBody.requiresRecord(Methods.class.getMethod("close", Meeting.class)));
        assertTrue(!RequiredBody.requiresRecord(Methods.class.getMethod("raw", jakarta.json.JsonObject.class)));
    }

    /** A generic resource whose body is a type variable, bound to a record by each subclass. */
    abstract static class ItemMethods<V extends Record> {
        public void create(@jakarta.ws.rs.PathParam("id") String id, V body) {
        }
    }

    @Test
    void aBodyTypedByATypeVariableOfItsResourceIsRequiredToo() throws NoSuchMethodException {
        assertTrue(RequiredBody.requiresRecord(ItemMethods.class.getMethod("create", String.class, Record.class)));
    }

    @Test
    void anUnreadableListItemKeepsTheIndexesOfTheItemsAfterIt() {
        assertEquals(Map.of("steps[0]", "must be an object", "steps[1].name", "must be at most 10 characters"),
                errors("""
                        {"topic": "Demo", "kind": "CALL", "steps": [1, {"name": "far too long a name"}]}"""));
    }

    @Test
    void aReplacementMaySendReadOnlyMembersBackUnchanged() {
        Meeting stored = new Meeting("m-1", "Demo", Kind.CALL, null, null, null, null, null, null, null, null);
        Meeting read = RecordBodyReader.replace(stored, jakarta.json.Json.createObjectBuilder()
                .add("id", "m-1").add("topic", "Pilot").add("kind", "MEETING").build());
        assertEquals("Pilot", read.topic());
        assertNull(read.id(), "the server's members are not read from the body");
        ProblemException e = assertThrows(ProblemException.class, () -> RecordBodyReader.replace(stored,
                jakarta.json.Json.createObjectBuilder().add("id", "m-2").add("kind", "MEETING").build()));
        assertEquals(List.of(new FieldError("id", RecordBodyReader.READ_ONLY), new FieldError("topic", "is required")),
                e.errors(), "every error in one problem");
    }

    @Test
    void aMergePatchMaySendReadOnlyMembersBackUnchanged() {
        Meeting stored = new Meeting("m-1", "Demo", Kind.CALL, null, null, null, null, null, null, null, null);
        assertEquals("Pilot", RecordBodyReader.patch(stored, jakarta.json.Json.createObjectBuilder()
                .add("id", "m-1").add("topic", "Pilot").build()).topic());
        ProblemException e = assertThrows(ProblemException.class, () -> RecordBodyReader.patch(stored,
                jakarta.json.Json.createObjectBuilder().add("id", "m-2").build()));
        assertEquals(List.of(new FieldError("id", RecordBodyReader.READ_ONLY)), e.errors());
    }

    record Budget(@OneOrMany @Size(min = 1, max = 3) @Valid List<Amount> atLeast) {
    }

    private static Map<String, String> budgetErrors(String json) {
        ProblemException e = assertThrows(ProblemException.class, () -> RecordBodyReader.bind(
                jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject(), Budget.class, VALIDATOR));
        Map<String, String> errors = new TreeMap<>();
        e.errors().forEach(f -> errors.merge(f.field(), f.reason(), (a, b) -> a + "; " + b));
        return errors;
    }

    @Test
    void aOneOrManyMemberTakesOneItemAloneOrAListAndNamesErrorsAsSent() {
        Budget one = RecordBodyReader.bind(jakarta.json.Json.createObjectBuilder().add("atLeast",
                jakarta.json.Json.createObjectBuilder().add("amount", 5).add("currency", "EUR")).build(), Budget.class);
        assertEquals(List.of(new Amount(new BigDecimal(5), "EUR")), one.atLeast());
        assertEquals("{\"atLeast\":{\"amount\":5,\"currency\":\"EUR\"}}", RecordJson.toJson(one).toString(),
                "written back alone, as it was sent");
        Budget many = RecordBodyReader.bind(jakarta.json.Json.createReader(new java.io.StringReader(
                "{\"atLeast\": [{\"amount\": 5, \"currency\": \"EUR\"}]}")).readObject(), Budget.class);
        assertEquals(1, many.atLeast().size());
        assertTrue(RecordJson.toJson(many).get("atLeast") instanceof jakarta.json.JsonArray);
        assertEquals(Map.of("atLeast.currency", "must be an ISO 4217 currency code like EUR"),
                budgetErrors("{\"atLeast\": {\"amount\": 5, \"currency\": \"eur\"}}"));
        assertEquals(Map.of("atLeast.amount", "must be a number"),
                budgetErrors("{\"atLeast\": {\"amount\": \"five\", \"currency\": \"EUR\"}}"));
        assertEquals(Map.of("atLeast[0].currency", "must be an ISO 4217 currency code like EUR"),
                budgetErrors("{\"atLeast\": [{\"amount\": 5, \"currency\": \"eur\"}]}"));
        assertEquals(Map.of("atLeast", "must have 1 to 3 items"), budgetErrors("{\"atLeast\": []}"));
        assertEquals(Map.of("atLeast", "must be an object or an array of them"), budgetErrors("{\"atLeast\": 5}"));
    }
}
