package org.leadline.server.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.leadline.api.problem.FieldError;

class JsonInputTest {

    enum Colour { RED, GREEN }

    static JsonObject json(String text) {
        try (var r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    @Test
    void valuesOfTheRightTypeAreRead() {
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(json("""
                {"s":" text ","i":42,"d":1.25,"ds":"3.5","b":true,"e":"green","date":"2026-12-31",
                 "at":"2026-12-31T23:59:59Z","o":{"x":"y"},"n":null}"""), "", errors);
        assertEquals("text", in.string("s"), "stripped");
        assertEquals(42, in.integer("i"));
        assertEquals(new BigDecimal("1.25"), in.decimal("d"));
        assertEquals(new BigDecimal("3.5"), in.decimal("ds"));
        assertEquals(Boolean.TRUE, in.bool("b"));
        assertEquals(Colour.GREEN, in.enumValue("e", Colour.class));
        assertEquals(LocalDate.of(2026, 12, 31), in.date("date"));
        assertEquals(Instant.parse("2026-12-31T23:59:59Z"), in.instant("at"));
        JsonInput o = in.object("o");
        assertEquals("y", o.string("x"));
        assertNull(in.string("n"), "null is absent");
        assertNull(in.string("missing"));
        assertFalse(in.has("n"));
        in.rejectUnknown();
        o.rejectUnknown();
        assertEquals(List.of(), errors);
    }

    @Test
    void wrongTypesAreReportedUnderTheFullPathAndAllAtOnce() {
        List<FieldError> errors = new ArrayList<>();
        JsonInput root = new JsonInput(json("{\"inner\":{\"s\":1,\"i\":\"1\",\"f\":1.5,\"big\":9999999999,"
                + "\"d\":\"x\",\"b\":\"true\",\"e\":\"BLUE\",\"date\":\"31.12.2026\",\"at\":\"today\",\"o\":[]},\"extra\":1}"),
                "", errors);
        JsonInput in = root.object("inner");
        assertNull(in.string("s"));
        assertNull(in.integer("i"));
        assertNull(in.integer("f"));
        assertNull(in.integer("big"));
        assertNull(in.decimal("d"));
        assertNull(in.bool("b"));
        assertNull(in.enumValue("e", Colour.class));
        assertNull(in.date("date"));
        assertNull(in.instant("at"));
        assertNull(in.object("o"));
        root.rejectUnknown();
        assertEquals(List.of(
                new FieldError("inner.s", "must be a string"),
                new FieldError("inner.i", "must be a whole number"),
                new FieldError("inner.f", "must be a whole number"),
                new FieldError("inner.big", "is out of range"),
                new FieldError("inner.d", "must be a number"),
                new FieldError("inner.b", "must be true or false"),
                new FieldError("inner.e", "must be one of RED, GREEN"),
                new FieldError("inner.date", "must be a date like 2026-12-31"),
                new FieldError("inner.at", "must be a UTC timestamp like 2026-12-31T23:59:59Z"),
                new FieldError("inner.o", "must be an object"),
                new FieldError("extra", "is not a known field")), errors);
    }

    @Test
    void allowedKeysAreNotUnknown() {
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(json("{\"id\":\"x\",\"other\":1}"), "p", errors);
        in.allow("id");
        in.rejectUnknown();
        assertEquals(List.of(new FieldError("p.other", "is not a known field")), errors);
        assertTrue(in.path("k").equals("p.k"));
    }
}
