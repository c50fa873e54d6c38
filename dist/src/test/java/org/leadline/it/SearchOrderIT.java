package org.leadline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search word's rows carry the creation time, name and company of their lead, so a search page
 * can be sorted and cut from the search index alone. These stories change those keys through
 * every path that writes them (a replaced or patched lead, a merge, an import that creates or
 * updates, a deletion and a restore) and check that a search lists its leads exactly as the list
 * without the word orders them, page by page, in every order. The shared test server lets a word
 * of at most three leads drive the query, so the searches here take the index's plan.
 */
class SearchOrderIT {

    private static final List<String> SORTS = List.of("createdAt", "-createdAt", "lastName", "-lastName",
            "companyName", "-companyName", "updatedAt", "-updatedAt");
    private static final Random RANDOM = new Random();
    private static LeadlineServer server;
    private static Api admin;

    @BeforeAll
    static void aTenant() {
        server = LeadlineServer.shared();
        admin = Fixtures.newTenant(server).api();
    }

    /** A made-up word no other lead has. */
    private static String word() {
        StringBuilder b = new StringBuilder("qx");
        for (int i = 0; i < 8; i++) {
            b.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return b.toString();
    }

    private static JsonObject lead(String firstName, String lastName, String company) {
        return Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder().add("firstName", firstName).add("lastName", lastName))
                .add("company", Json.createObjectBuilder().add("name", company))
                .add("origin", Json.createObjectBuilder().add("source", "WEB"))
                .build();
    }

    private static String create(JsonObject body) {
        Api.Response r = admin.post("/api/v1/leads", body);
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    /** The ids of every page of {@code path}, walked by cursor with pages of {@code limit}. */
    private static List<String> walk(String path, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response r = admin.get(path + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + Api.q(cursor)));
            assertEquals(200, r.status(), r::toString);
            r.items().stream().map(v -> v.asJsonObject().getString("id")).forEach(ids::add);
            JsonObject page = r.json().getJsonObject("page");
            cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
        } while (cursor != null);
        return ids;
    }

    /** A search lists exactly {@code expected}, in every order as the list without the word does. */
    private static void assertFoundInListOrder(String q, Set<String> expected) {
        for (String sort : SORTS) {
            List<String> listed = walk("/api/v1/leads?sort=" + Api.q(sort), 200).stream()
                    .filter(expected::contains).toList();
            assertEquals(expected.size(), listed.size(), "every expected lead is listed");
            List<String> found = walk("/api/v1/leads?q=" + Api.q(q) + "&sort=" + Api.q(sort), 2);
            assertEquals(listed, found, "q=" + q + " by " + sort);
        }
    }

    @Test
    void aSearchWordThatStartsSeveralStoredWordsListsEachLeadOnceInEveryOrder() {
        String w = word();
        // Four stored words start with w (w, w+"alpha", w+"beta", w+"gamma"); one lead has two of them.
        Set<String> few = new HashSet<>();
        few.add(create(lead("Anna", "Ost", w + "alpha Werke")));
        few.add(create(lead("Ben", w + "beta", "Nord AG")));
        few.add(create(lead("Clara", w + "beta", w + "alpha Süd")));
        few.add(create(lead("Dora", "West", w)));
        few.add(create(lead("Emil", "Mitte", w + "gamma")));
        create(lead("Fritz", "Anders", w.substring(0, w.length() - 1) + "0fremd")); // shares a shorter prefix only
        assertFoundInListOrder(w, few);
        assertFoundInListOrder(w + "b", Set.copyOf(walk("/api/v1/leads?q=" + w + "beta", 200)));
        assertEquals(2, walk("/api/v1/leads?q=" + w + "beta", 200).size());

        // Twelve stored words start with v: more than the newest-first page merges, so the search
        // takes the counting plan, with the same result.
        String v = word();
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            many.add(create(lead("Lead", v + (char) ('a' + i), "Firma " + i)));
        }
        many.add(create(lead("Lead", "Zett", v)));
        assertFoundInListOrder(v, many);
    }

    @Test
    void aLeadWhoseNameOrCompanyIsReplacedMovesInTheSearchOrder() {
        String w = word();
        String berg = create(lead("Anna", "Berg", w + " Mitte"));
        String adler = create(lead("Jonas", "Adler", w + " Nord"));
        String zander = create(lead("Lena", "Zander", w + " Ost"));
        assertFoundInListOrder(w, Set.of(berg, adler, zander));

        Api.Response replaced = admin.put("/api/v1/leads/" + adler, lead("Jonas", "Zyx", "Aaa " + w),
                Map.of("If-Match", "*"));
        assertEquals(200, replaced.status(), replaced::toString);
        assertFoundInListOrder(w, Set.of(berg, adler, zander));
        assertFoundInListOrder(w + " zyx", Set.of(adler));

        Api.Response patched = admin.patch("/api/v1/leads/" + zander, Json.createObjectBuilder()
                .add("company", Json.createObjectBuilder().add("name", "Ääh " + w))
                .add("person", Json.createObjectBuilder().add("lastName", "Ahorn")).build(), Map.of("If-Match", "*"));
        assertEquals(200, patched.status(), patched::toString);
        assertFoundInListOrder(w, Set.of(berg, adler, zander));

        Api.Response renamed = admin.patch("/api/v1/leads/" + berg, Json.createObjectBuilder()
                .add("company", Json.createObjectBuilder().add("name", "Elsewhere")).build(), Map.of("If-Match", "*"));
        assertEquals(200, renamed.status(), renamed::toString);
        assertFoundInListOrder(w, Set.of(adler, zander));
    }

    @Test
    void aMergedLeadLeavesTheSearchAndTheSurvivorSortsByTheNameItTook() {
        String w = word();
        String survivor = create(lead("Anna", "Mittel", w + " Alpha"));
        String duplicate = create(lead("Anna", "Aal", w + " Zulu"));
        String third = create(lead("Ben", "Kern", w + " Kilo"));
        assertFoundInListOrder(w, Set.of(survivor, duplicate, third));

        Api.Response merged = admin.post("/api/v1/leads/" + survivor + "/merge", Json.createObjectBuilder()
                .add("mergedIds", Json.createArrayBuilder().add(duplicate))
                .add("fields", Json.createObjectBuilder().add("person.lastName", duplicate).add("company", duplicate))
                .build());
        assertEquals(200, merged.status(), merged::toString);
        assertEquals("Aal", merged.json().getJsonObject("lead").getJsonObject("person").getString("lastName"));
        assertFoundInListOrder(w, Set.of(survivor, third));
        assertFoundInListOrder(w + " aal", Set.of(survivor));
    }

    @Test
    void importedLeadsAreFoundInTheListsOrderWhenCreatedAndWhenUpdated() {
        String w = word();
        String csv = "First Name,Last Name,Company,Email\n"
                + "Marie,Curie," + w + " Radium," + w + ".marie@example.org\n"
                + "Lise,Meitner,Kaiser " + w + "," + w + ".lise@example.org\n"
                + "Emmy,Noether," + w + " Mathematik," + w + ".emmy@example.org\n";
        assertEquals(3, importAndWait(csv, "").getInt("created"));
        Set<String> imported = new HashSet<>(walk("/api/v1/leads?q=" + w, 200));
        assertEquals(3, imported.size());
        assertFoundInListOrder(w, imported);

        String update = "Last Name,Company,Email\n"
                + "Abel," + w + " Zeta," + w + ".emmy@example.org\n"
                + "Zorn,Aachen " + w + "," + w + ".marie@example.org\n";
        assertEquals(2, importAndWait(update, "?policy=UPDATE").getInt("updated"));
        assertFoundInListOrder(w, imported);
        assertFoundInListOrder(w + " zorn", Set.of(walk("/api/v1/leads?q=" + Api.q(w + ".marie@"), 200).get(0)));
    }

    @Test
    void aDeletedLeadLeavesTheSearchAndComesBackInItsPlaceWhenRestored() {
        String w = word();
        String first = create(lead("Anna", "Ost", w + " Eins"));
        String second = create(lead("Ben", "Nord", w + " Zwei"));
        String third = create(lead("Clara", "West", w + " Drei"));
        Api.Response deleted = admin.delete("/api/v1/leads/" + second, Map.of("If-Match", "*"));
        assertEquals(204, deleted.status(), deleted::toString);
        assertFoundInListOrder(w, Set.of(first, third));

        Api.Response restored = admin.post("/api/v1/deleted-leads/" + second + "/restore");
        assertEquals(200, restored.status(), restored::toString);
        assertFoundInListOrder(w, Set.of(first, second, third));
    }

    private static JsonObject importAndWait(String csv, String query) {
        Api.Response r = admin.sendChunked("POST", "/api/v1/imports" + query, csv.getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertEquals(202, r.status(), r::toString);
        String id = r.json().getString("id");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonObject state = admin.get("/api/v1/imports/" + id).json();
            if (state.getString("state").equals("DONE") || state.getString("state").equals("FAILED")) {
                assertEquals("DONE", state.getString("state"), state::toString);
                return state;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + id + " did not end in 120 s");
    }
}
