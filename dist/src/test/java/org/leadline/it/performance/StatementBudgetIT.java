package org.leadline.it.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * Every hot request has a known number of SQL statements, whatever the size of the page or of the
 * lead's timeline: an N+1 (a statement per listed lead, per timeline entry, per stakeholder) fails
 * here. Counted by the server itself ({@code Leadline-Statements}, authentication included); no
 * figure here is a time.
 */
class StatementBudgetIT {

    /**
     * Token look-up: none once the server has checked the caller (it keeps what it checked until a
     * revocation, a role change or a disabled user or tenant makes it forget; see
     * {@link #aSignedInCallerIsLookedUpOnceNotOnEveryRequest}).
     */
    static final int AUTHENTICATION = 0;

    static Fixtures.TenantAdmin tenant;
    static Api seller;
    static String lead;

    @BeforeAll
    static void aTenantWithOneHundredAndTwentyLeadsAndABusyLead() {
        LeadlineServer server = LeadlineServer.shared();
        tenant = Fixtures.newTenant(server);
        seller = tenant.api();
        for (int i = 0; i < 120; i++) {
            Api.Response r = seller.post("/api/v1/leads", Fixtures.tradeFairLead("Budget" + i));
            assertEquals(201, r.status(), r::toString);
            lead = r.json().getString("id");
        }
        String base = "/api/v1/leads/" + lead;
        for (int i = 0; i < 8; i++) {
            assertEquals(201, seller.post(base + "/interactions", Json.createObjectBuilder()
                    .add("medium", i % 2 == 0 ? "PHONE" : "EMAIL").add("direction", "OUTBOUND")
                    .add("purpose", "follow-up " + i).add("occurredAt", "2026-01-0" + (i + 1) + "T10:00:00Z")
                    .build()).status());
            assertEquals(201, seller.post(base + "/notes", Json.createObjectBuilder()
                    .add("text", "Note " + i).build()).status());
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(201, seller.post(base + "/stakeholders", Json.createObjectBuilder()
                    .add("name", "Stakeholder " + i).add("role", i == 0 ? "DECISION_MAKER" : "INFLUENCER").build()).status());
            assertEquals(201, seller.post(base + "/competitors", Json.createObjectBuilder()
                    .add("name", "Competitor " + i).build()).status());
        }
    }

    @Test
    void readingALeadWithItsScoringTakesTwoStatements() {
        // the lead; its rating with the decisions in force about its recommendations
        assertEquals(AUTHENTICATION + 2, statements(() -> seller.get("/api/v1/leads/" + lead)));
    }

    @Test
    void aSignedInCallerIsLookedUpOnceNotOnEveryRequest() {
        Api fresh = Fixtures.newUser(LeadlineServer.shared(), tenant, "SALES").api();
        Api.Response first = fresh.get("/api/v1/leads?limit=10");
        Api.Response second = fresh.get("/api/v1/leads?limit=10");
        int list = statements(() -> seller.get("/api/v1/leads?limit=10"));
        assertTrue(count(first) > count(second), "the first request looks the token up (" + count(first)
                + " statements), the second does not (" + count(second) + ")");
        assertEquals(list, count(second));
    }

    private static int count(Api.Response r) {
        assertTrue(r.status() < 300, r::toString);
        return Integer.parseInt(r.header("leadline-statements").strip());
    }

    @Test
    void aListPageTakesOneStatementWhateverItsSize() {
        int ten = statements(() -> seller.get("/api/v1/leads?limit=10"));
        int hundred = statements(() -> seller.get("/api/v1/leads?limit=100"));
        assertEquals(AUTHENTICATION + 1, ten);
        assertEquals(ten, hundred, "a page of 100 leads takes as many statements as a page of 10");
        assertEquals(ten, statements(() -> seller.get("/api/v1/leads?limit=100&sort=lastName&status=OPEN")));
        // One search word, newest first, by last name or by company: one index seek per stored word it starts,
        // and one more to find there is no other ("budget42" starts one word, "budget42"), then the
        // page merged from them.
        assertEquals(ten + 2, statements(() -> seller.get("/api/v1/leads?limit=10&q=budget42")));
        assertEquals(ten + 2, statements(() -> seller.get("/api/v1/leads?limit=100&q=budget42")));
        assertEquals(ten + 2, statements(() -> seller.get("/api/v1/leads?limit=10&q=budget42&sort=lastName")));
        assertEquals(ten + 2, statements(() -> seller.get("/api/v1/leads?limit=100&q=budget42&sort=lastName")));
        // "budget1" starts 31 words (budget1, budget10 to budget19, budget100 to budget119): after
        // nine seeks (more than eight words) the search counts each word's leads (up to a bound) to
        // choose where to start reading, as every other search does.
        assertEquals(ten + 10, statements(() -> seller.get("/api/v1/leads?limit=10&q=budget1")));
        assertEquals(ten + 10, statements(() -> seller.get("/api/v1/leads?limit=100&q=budget1")));
        assertEquals(ten + 10, statements(() -> seller.get("/api/v1/leads?limit=100&q=budget1&sort=lastName")));
        assertEquals(ten + 2, statements(() -> seller.get("/api/v1/leads?limit=100&q=budget42&sort=companyName")));
        // An order without runs in the search index (by update time) counts at once.
        assertEquals(ten + 1, statements(() -> seller.get("/api/v1/leads?limit=100&q=budget1&sort=-updatedAt")));
        assertEquals(ten + 2, statements(() -> seller.get("/api/v1/leads?limit=100&q=budget1+fresh")));
    }

    @Test
    void aTimelinePageTakesTheSameStatementsForTwoEntriesAndForEight() {
        String timeline = "/api/v1/leads/" + lead + "/timeline";
        for (String kind : new String[] {"INTERACTION", "NOTE", "AUDIT"}) {
            int two = statements(() -> seller.get(timeline + "?kind=" + kind + "&limit=2"));
            int eight = statements(() -> seller.get(timeline + "?kind=" + kind + "&limit=8"));
            assertEquals(two, eight, kind + " entries are loaded together, not one by one");
        }
        // the lead, the page of entries, and one statement per kind of item on the page
        // (interactions, notes, audit entries and their changes)
        int all = statements(() -> seller.get(timeline + "?limit=50"));
        assertTrue(all <= AUTHENTICATION + 7, "a timeline page of every kind took " + all + " statements");
    }

    @Test
    void theProcessViewTakesAtMostFiveStatements() {
        // the lead, its stakeholders, competitors and interactions counted in one, the ticks, the
        // stage history and the tenant's process choice
        int process = statements(() -> seller.get("/api/v1/leads/" + lead + "/process"));
        assertTrue(process <= AUTHENTICATION + 5, "process view took " + process + " statements");
    }

    @Test
    void creatingALeadWithScoringAndTheDuplicateCheckTakesAtMostNineStatementsOnPostgresqlAndFourteenOnDerby() {
        int[] n = {0};
        int created = statements(() -> {
            Api.Response r = seller.post("/api/v1/leads", Fixtures.tradeFairLead("Fresh" + n[0]++));
            assertEquals(201, r.status(), r::toString);
            return r;
        });
        // the duplicate locks (on PostgreSQL one statement for every key; on Derby one per key, the
        // e-mail, the phone and the name at the company, and a second one at a bucket's first use),
        // one look-up for all keys, the rule set, then the lead, its search words (one batch), rating,
        // audit entry with its changes (one batch) and timeline entry: none of it grows with the
        // tenant's leads
        int budget = LeadlineServer.onPostgresql() ? AUTHENTICATION + 9 : AUTHENTICATION + 14;
        assertTrue(created <= budget, "create took " + created + " statements, budget " + budget);
        JsonObject scoring = seller.get("/api/v1/leads?limit=1&sort=-createdAt").items().getJsonObject(0);
        assertTrue(scoring.containsKey("rating"));
    }

    @Test
    void aReRatingBatchTakesAsManyStatementsForFortyThreeLeadsAsForSeven() {
        int seven = reRatingBatchStatements(7);
        int fortyThree = reRatingBatchStatements(43);
        assertEquals(seven, fortyThree, "a batch's ratings and leads are read and written a statement a table");
        // the job, its rules, the batch's leads, their related items (four), stored ratings and
        // decisions; then the ratings, the leads, the rating changes and their timeline entries,
        // and the job's position
        assertTrue(seven <= 16, "a re-rating batch took " + seven + " statements");
    }

    /**
     * The statements of a re-rating batch of {@code leads} leads whose rating every one moves (a new
     * tenant's leads, then a rule that makes all of them hot), as the server logged them: a job's
     * statements are not a request's.
     */
    private static int reRatingBatchStatements(int leads) {
        LeadlineServer server = LeadlineServer.shared();
        Api admin = Fixtures.newTenant(server).api();
        for (int i = 0; i < leads; i++) {
            Api.Response r = admin.post("/api/v1/leads", Fixtures.minimalLead("Rerated" + i));
            assertEquals(201, r.status(), r::toString);
        }
        String line = "Re-rating batch of " + leads + " leads took ";
        int before;
        try {
            before = server.log().length();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        JsonObject rules = Json.createObjectBuilder().add("thresholds", Json.createObjectBuilder().add("hot", 60).add("warm", 30))
                .add("rules", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "everyone").add("points", 100)))
                .build();
        Api.Response saved = admin.put("/api/v1/qualification/rules", rules, java.util.Map.of());
        assertEquals(201, saved.status(), saved::toString);
        Integer statements = server.loggedNumberAfter(line, before, java.time.Duration.ofMinutes(1));
        if (statements == null) {
            throw new AssertionError("no re-rating batch of " + leads + " leads in the server's log");
        }
        return statements;
    }

    /**
     * The statements of a request, the fewer of two tries: a token's last use is recorded at most
     * once a minute, and that write belongs to whichever request comes first.
     */
    private static int statements(Supplier<Api.Response> request) {
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            Api.Response r = request.get();
            assertTrue(r.status() < 300, r::toString);
            String header = r.header("leadline-statements");
            assertTrue(header != null, "the server counts statements in the test suite");
            fewest = Math.min(fewest, Integer.parseInt(header.strip()));
        }
        return fewest;
    }
}
