package org.leadline.it.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * A seller entering a lead learns that the person may already be there: by e-mail, by phone, or by
 * name at the same company; the tenant decides whether that is a warning or a refusal. The same
 * person entered several times at the same moment is no exception.
 */
class DuplicatesIT {

    private static LeadlineServer server;

    @BeforeAll
    static void server() {
        server = LeadlineServer.shared();
    }

    private static JsonObject lead(String first, String last, String company, String email, String phone,
                                   String mobile, String country) {
        JsonObjectBuilder person = Json.createObjectBuilder().add("lastName", last);
        if (first != null) person.add("firstName", first);
        if (email != null) person.add("email", email);
        if (phone != null) person.add("businessPhone", phone);
        if (mobile != null) person.add("mobilePhone", mobile);
        JsonObjectBuilder b = Json.createObjectBuilder().add("person", person)
                .add("origin", Json.createObjectBuilder().add("source", "PHONE"));
        if (company != null || country != null) {
            JsonObjectBuilder c = Json.createObjectBuilder();
            if (company != null) c.add("name", company);
            if (country != null) c.add("address", Json.createObjectBuilder().add("country", country));
            b.add("company", c);
        }
        return b.build();
    }

    private static String created(Api.Response r) {
        assertEquals(201, r.status(), r::toString);
        return r.json().getString("id");
    }

    private static List<String> candidateIds(JsonObject body) {
        JsonArray d = body.getJsonArray("duplicates");
        return d == null ? List.of() : d.stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    private static JsonObject candidate(JsonObject body, String id) {
        return body.getJsonArray("duplicates").stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("id").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aStoredLeadListsItsLikelyDuplicatesOfItsOwnTenantOnly() {
        Api api = Fixtures.newTenant(server).api();
        String anna = created(api.post("/api/v1/leads?allowDuplicate=true",
                lead("Anna", "Schmidt", "ACME GmbH", "anna.schmidt@acme.example", "+49 30 7654321", null, "DE")));
        String again = created(api.post("/api/v1/leads?allowDuplicate=true",
                lead("A.", "Schmidt", "ACME", null, "030 7654321", null, "DE")));
        created(api.post("/api/v1/leads", lead("Bernd", "Schmidt", "Other KG", "bernd@other.example", null, null, null)));

        Api.Response list = api.get("/api/v1/leads/" + anna + "/duplicates");
        assertEquals(200, list.status(), list::toString);
        JsonArray items = list.json().getJsonArray("items");
        assertEquals(List.of(again), items.stream().map(v -> v.asJsonObject().getString("id")).toList(), list::toString);
        assertEquals(Set.of("PHONE", "NAME_AND_COMPANY"), items.getJsonObject(0).getJsonArray("reasons").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).collect(java.util.stream.Collectors.toSet()));
        assertTrue(items.getJsonObject(0).getString("href").endsWith("/leads/" + again));

        // The same person in another tenant is not a duplicate, and that tenant cannot ask about Anna.
        Api other = Fixtures.newTenant(server).api();
        String annaThere = created(other.post("/api/v1/leads?allowDuplicate=true",
                lead("Anna", "Schmidt", "ACME GmbH", "anna.schmidt@acme.example", null, null, "DE")));
        assertEquals(List.of(), other.get("/api/v1/leads/" + annaThere + "/duplicates").json().getJsonArray("items"));
        Api.Response foreign = other.get("/api/v1/leads/" + anna + "/duplicates");
        assertEquals(404, foreign.status(), foreign::toString);
        assertEquals(List.of(again), api.get("/api/v1/leads/" + anna + "/duplicates").json().getJsonArray("items")
                .stream().map(v -> v.asJsonObject().getString("id")).toList());
    }

    @Test
    void theSameAddressPhoneOrPersonAtTheCompanyIsReportedWithTheNewLead() {
        Api api = Fixtures.newTenant(server).api();
        String anna = created(api.post("/api/v1/leads",
                lead("Anna", "Schmidt", "ACME GmbH", "anna.schmidt@acme.example", "+49 30 1234567", null, "DE")));

        Api.Response sameMail = api.post("/api/v1/leads",
                lead("Anna", "Schmidt-Meyer", null, "Anna.Schmidt@ACME.example", null, null, null));
        created(sameMail);
        assertEquals(List.of(anna), candidateIds(sameMail.json()));
        assertEquals(List.of("EMAIL"), candidate(sameMail.json(), anna).getJsonArray("reasons").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList());
        assertTrue(candidate(sameMail.json(), anna).getString("href").endsWith("/leads/" + anna));
        assertFalse(sameMail.json().getJsonArray("warnings").isEmpty());

        // The national form of the same number, as a mobile, with the country of the lead.
        Api.Response samePhone = api.post("/api/v1/leads", lead(null, "Becker", null, null, null, "030 / 123 45 67", "DE"));
        created(samePhone);
        assertEquals(List.of(anna), candidateIds(samePhone.json()));
        assertEquals("PHONE", candidate(samePhone.json(), anna).getJsonArray("reasons").getString(0));
        // Without a country the configured default region (DE) reads the national number.
        Api.Response samePhoneNoCountry = api.post("/api/v1/leads", lead(null, "Wagner", null, null, "030-1234567", null, null));
        created(samePhoneNoCountry);
        assertTrue(candidateIds(samePhoneNoCountry.json()).contains(anna), samePhoneNoCountry::toString);

        String juergen = created(api.post("/api/v1/leads", lead("Jürgen", "Müller", "Umlaut AG", null, null, null, null)));
        Api.Response initial = api.post("/api/v1/leads", lead("J.", "MULLER", "umlaut ag", null, null, null, null));
        created(initial);
        assertEquals(List.of(juergen), candidateIds(initial.json()));
        assertEquals("NAME_AND_COMPANY", candidate(initial.json(), juergen).getJsonArray("reasons").getString(0));
        Api.Response otherPerson = api.post("/api/v1/leads", lead("Jens", "Müller", "Umlaut AG", null, null, null, null));
        created(otherPerson);
        assertFalse(candidateIds(otherPerson.json()).contains(juergen), otherPerson::toString);
        Api.Response otherCompany = api.post("/api/v1/leads", lead("Jürgen", "Müller", "Other KG", null, null, null, null));
        created(otherCompany);
        assertNull(otherCompany.json().get("duplicates"), otherCompany::toString);

        // The answer can be sent back as it is: the extra members are derived and ignored.
        JsonObject readBack = sameMail.json();
        Api.Response put = api.put("/api/v1/leads/" + readBack.getString("id"), readBack, Map.of("If-Match", sameMail.etag()));
        assertEquals(200, put.status(), put::toString);
    }

    @Test
    void aFormThatAsksFirstIsRefusedUnderTheWarnPolicyToo() {
        Api api = Fixtures.newTenant(server).api();
        assertEquals("WARN", api.get("/api/v1/settings/capture").json().getString("duplicatePolicy"));
        String first = created(api.post("/api/v1/leads", lead("Ida", "Asker", null, "ida@asker.example", null, null, null)));
        Api.Response asked = api.post("/api/v1/leads?allowDuplicate=false",
                lead("Ida", "Asker", null, "IDA@asker.example", null, null, null));
        assertEquals(409, asked.status(), asked::toString);
        assertEquals(List.of(first), candidateIds(asked.json()));
        assertEquals(1, api.get("/api/v1/leads?q=asker").items().size(), "nothing was stored");
        // without a duplicate, allowDuplicate=false stores as usual
        created(api.post("/api/v1/leads?allowDuplicate=false", lead("Other", "Person", null, null, null, null, null)));
        // absent: the tenant's policy (WARN) stores with the warning
        Api.Response warned = api.post("/api/v1/leads", lead("Ida", "Asker", null, "ida@asker.example", null, null, null));
        created(warned);
        assertEquals(List.of(first), candidateIds(warned.json()));
    }

    @Test
    void annaSchmidtAtAcmeIsAnnaSchmidtAtAcmeGmbhWhateverTheLegalFormCaseOrPunctuation() {
        Api api = Fixtures.newTenant(server).api();
        String anna = created(api.post("/api/v1/leads", lead("Anna", "Schmidt", "ACME GmbH", null, null, null, null)));
        for (String company : List.of("Acme", "ACME Inc.", "ACME  GmbH.", "Acme GmbH & Co. KG")) {
            Api.Response again = api.post("/api/v1/leads", lead("Anna", "Schmidt", company, null, null, null, null));
            created(again);
            assertTrue(candidateIds(again.json()).contains(anna), company + ": " + again);
            assertEquals("NAME_AND_COMPANY", candidate(again.json(), anna).getJsonArray("reasons").getString(0));
        }
        // Another first name at the same company is another person.
        Api.Response bernd = api.post("/api/v1/leads", lead("Bernd", "Schmidt", "Acme", null, null, null, null));
        created(bernd);
        assertFalse(candidateIds(bernd.json()).contains(anna), bernd::toString);
        // Different addresses are different people, even at one switchboard number.
        String clara = created(api.post("/api/v1/leads",
                lead("Clara", "Vogel", "ACME GmbH", "clara@acme.example", "+49 30 555000", null, "DE")));
        Api.Response dirk = api.post("/api/v1/leads", lead("Dirk", "Falke", "Acme", "dirk@acme.example", "030 555000", null, "DE"));
        String dirkId = created(dirk);
        assertFalse(candidateIds(dirk.json()).contains(clara), dirk::toString);
        Api.Response front = api.post("/api/v1/leads", lead(null, "Empfang", "Acme", null, "030 555000", null, "DE"));
        created(front);
        assertEquals(Set.of(clara, dirkId), Set.copyOf(candidateIds(front.json())),
                "without an address of its own the number counts");
    }

    @Test
    void theSamePersonAtAcmeIsFoundAsTheImportFindsIt() {
        // One rule: a lead the import skipped as Anna at ACME GmbH is the one the API reports for Anna at Acme.
        Api api = Fixtures.newTenant(server).api();
        Api.Response imported = api.sendChunked("POST", "/api/v1/imports",
                "First Name,Last Name,Company\nAnna,Schmidt,ACME GmbH\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(202, imported.status(), imported::toString);
        String importId = imported.json().getString("id");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!api.get("/api/v1/imports/" + importId).json().getString("state").equals("DONE")) {
            assertTrue(System.nanoTime() < deadline, "the import did not end");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        String anna = api.get("/api/v1/leads?q=schmidt").items().getJsonObject(0).getString("id");
        Api.Response again = api.post("/api/v1/leads", lead("Anna", "Schmidt", "Acme Inc", null, null, null, null));
        created(again);
        assertEquals(List.of(anna), candidateIds(again.json()), again::toString);
    }

    @Test
    void underTheRejectPolicyADuplicateIsRefusedUntilTheClientInsists() {
        Fixtures.TenantAdmin tenant = Fixtures.newTenant(server);
        Api admin = tenant.api();
        Fixtures.User seller = Fixtures.newUser(server, tenant, "SALES");
        assertEquals("WARN", admin.get("/api/v1/settings/capture").json().getString("duplicatePolicy"));
        Api.Response bySeller = seller.api().put("/api/v1/settings/capture",
                Json.createObjectBuilder().add("duplicatePolicy", "WARN").build(), Map.of());
        assertEquals(403, bySeller.status(), bySeller::toString);
        Api.Response bad = admin.put("/api/v1/settings/capture",
                Json.createObjectBuilder().add("duplicatePolicy", "SOMETIMES").build(), Map.of());
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.fieldError("duplicatePolicy").contains("WARN"), bad::toString);
        Api.Response set = admin.put("/api/v1/settings/capture",
                Json.createObjectBuilder().add("duplicatePolicy", "REJECT").build(), Map.of());
        assertEquals(200, set.status(), set::toString);
        assertEquals("REJECT", seller.api().get("/api/v1/settings/capture").json().getString("duplicatePolicy"));

        String first = created(seller.api().post("/api/v1/leads",
                lead("Carla", "Rossi", "Fiori SpA", "carla@fiori.example", null, "+39 333 1234567", "IT")));
        Api.Response refused = seller.api().post("/api/v1/leads",
                lead("Carla", "Rossi", null, "CARLA@fiori.example", null, null, null));
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("/problems/conflict", refused.problemType());
        assertEquals(List.of(first), candidateIds(refused.json()));
        assertTrue(candidate(refused.json(), first).getString("href").endsWith("/leads/" + first));
        // Nothing was stored by the refusal.
        assertEquals(1, seller.api().get("/api/v1/leads?q=rossi").items().size());

        Api.Response insisted = seller.api().post("/api/v1/leads?allowDuplicate=true",
                lead("Carla", "Rossi", null, "CARLA@fiori.example", null, null, null));
        created(insisted);
        assertEquals(List.of(first), candidateIds(insisted.json()));
        Api.Response badFlag = seller.api().post("/api/v1/leads?allowDuplicate=maybe", lead(null, "X", null, null, null, null, null));
        assertEquals(400, badFlag.status(), badFlag::toString);

        // A deleted lead is no longer a candidate.
        Api.Response read = seller.api().get("/api/v1/leads/" + first);
        assertEquals(204, seller.api().delete("/api/v1/leads/" + first, Map.of("If-Match", read.etag())).status());
        Api.Response afterDelete = seller.api().post("/api/v1/leads",
                lead(null, "Bianchi", null, null, null, "0039 333 123 4567", null));
        created(afterDelete);
        assertNull(afterDelete.json().get("duplicates"), afterDelete::toString);
    }

    @Test
    void anotherTenantsIdenticalLeadIsNeverACandidate() {
        Api a = Fixtures.newTenant(server).api();
        Api b = Fixtures.newTenant(server).api();
        JsonObject same = lead("Dana", "Scully", "FBI", "dana@fbi.example", "+1 202 555 0100", null, "US");
        created(a.post("/api/v1/leads", same));
        assertEquals(200, a.put("/api/v1/settings/capture",
                Json.createObjectBuilder().add("duplicatePolicy", "REJECT").build(), Map.of()).status());
        Api.Response inB = b.post("/api/v1/leads", same);
        created(inB);
        assertNull(inB.json().get("duplicates"), inB::toString);
        assertEquals("WARN", b.get("/api/v1/settings/capture").json().getString("duplicatePolicy"));
        Api.Response againInB = b.post("/api/v1/leads", same);
        created(againInB);
        assertEquals(List.of(inB.json().getString("id")), candidateIds(againInB.json()));
        assertEquals(409, a.post("/api/v1/leads", same).status());
    }

    private static final int RACERS = 8;

    /** Sends {@code RACERS} requests at the same moment, each from its own thread; the answers in order. */
    private static List<Api.Response> atOnce(IntFunction<Api.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CyclicBarrier start = new CyclicBarrier(RACERS);
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int n = i;
                sent.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return request.apply(n);
                }));
            }
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : sent) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Api rejectingTenant() {
        Api api = Fixtures.newTenant(server).api();
        assertEquals(200, api.put("/api/v1/settings/capture",
                Json.createObjectBuilder().add("duplicatePolicy", "REJECT").build(), Map.of()).status());
        return api;
    }

    @Test
    void theSamePersonEnteredAtTheSameMomentUnderRejectIsCreatedOnce() throws Exception {
        Api api = rejectingTenant();
        // Warm up, so that the racers do not queue behind the first create's slow start.
        created(api.post("/api/v1/leads", lead("Warm", "Up", null, "warm.up@race.example", null, null, null)));
        List<Api.Response> answers = atOnce(n -> api.post("/api/v1/leads",
                lead("Greta", "Race", "Race " + n + " AG", "greta.race@race.example", null, null, null)));

        List<Api.Response> created = answers.stream().filter(r -> r.status() == 201).toList();
        assertEquals(1, created.size(), answers::toString);
        String id = created.get(0).json().getString("id");
        assertNull(created.get(0).json().get("duplicates"), created.get(0)::toString);
        for (Api.Response r : answers) {
            if (r != created.get(0)) {
                assertEquals(409, r.status(), r::toString);
                assertEquals("/problems/conflict", r.problemType());
                assertEquals(List.of(id), candidateIds(r.json()), r::toString);
            }
        }
        assertEquals(1, api.get("/api/v1/leads?q=" + Api.q("greta.race@race.example")).items().size());
    }

    @Test
    void theSamePersonEnteredAtTheSameMomentUnderWarnSeesEveryEarlierOne() throws Exception {
        Api api = Fixtures.newTenant(server).api();
        created(api.post("/api/v1/leads", lead("Warm", "Up", null, "warm.up@race.example", null, null, null)));
        // The same phone number, written differently each time.
        List<Api.Response> answers = atOnce(n -> api.post("/api/v1/leads",
                lead(null, "Racer" + n, null, null, n % 2 == 0 ? "+49 40 5550123" : "040 555 01 23", null, "DE")));

        Set<String> ids = new HashSet<>();
        for (Api.Response r : answers) {
            ids.add(created(r));
        }
        // One after the other: the first found nobody, the second the first, ..., the last all others.
        List<Integer> counts = answers.stream().map(r -> candidateIds(r.json()).size()).sorted().toList();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), counts, answers::toString);
        for (Api.Response r : answers) {
            List<String> candidates = candidateIds(r.json());
            assertTrue(ids.containsAll(candidates), r::toString);
            assertFalse(candidates.contains(r.json().getString("id")), r::toString);
        }
    }

    @Test
    void differentPeopleEnteredAtTheSameMomentAreAllCreated() throws Exception {
        Api api = rejectingTenant();
        created(api.post("/api/v1/leads", lead("Warm", "Up", null, "warm.up@race.example", null, null, null)));
        List<Api.Response> answers = atOnce(n -> api.post("/api/v1/leads", lead("Person", "Different" + n,
                "Company " + n, "person" + n + "@different.example", "+49 30 55501" + (10 + n), null, "DE")));
        for (Api.Response r : answers) {
            created(r);
            assertNull(r.json().get("duplicates"), r::toString);
        }
        assertEquals(RACERS, api.get("/api/v1/leads?q=" + Api.q("different")).items().size());
    }

    @Test
    void mailsOfOneSenderTakenInAtTheSameMomentMakeOneLead() throws Exception {
        Api api = Fixtures.newTenant(server).api();
        byte[] mail = Files.readAllBytes(Path.of("..", "plugins", "source-email", "src", "test", "resources", "mail",
                "outlook-de-signature.eml"));
        String text = new String(mail, StandardCharsets.ISO_8859_1);
        List<Api.Response> answers = atOnce(n -> api.sendBytes("POST", "/api/v1/intake",
                text.replace("outlook-de-1@", "race-" + n + "@").getBytes(StandardCharsets.ISO_8859_1),
                "message/rfc822", Map.of()));

        List<String> kinds = new ArrayList<>();
        Set<String> leads = new HashSet<>();
        for (Api.Response r : answers) {
            assertTrue(r.status() == 200 || r.status() == 201, r::toString);
            JsonObject outcome = r.json().getJsonArray("outcomes").getJsonObject(0);
            kinds.add(outcome.getString("outcome"));
            leads.add(outcome.getJsonObject("lead").getString("id"));
        }
        assertEquals(1, kinds.stream().filter("CREATED"::equals).count(), answers::toString);
        assertEquals(RACERS - 1, kinds.stream().filter("ATTACHED"::equals).count(), answers::toString);
        assertEquals(1, leads.size(), answers::toString);
        String id = leads.iterator().next();
        assertEquals(1, api.get("/api/v1/leads").items().size());
        assertEquals(RACERS, api.get("/api/v1/leads/" + id + "/interactions").items().size());
    }
}
