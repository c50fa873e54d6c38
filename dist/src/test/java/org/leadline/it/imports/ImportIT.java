package org.leadline.it.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.it.Api;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * CSV import and export through the API of a running server: the vendor exports and ours, the
 * encodings and delimiters found in practice, broken rows, duplicate policies, the error report,
 * a round trip through the export, and tenant isolation.
 */
class ImportIT {

    private static LeadlineServer server;
    private static Api tenantA;
    private static Api tenantB;

    @BeforeAll
    static void twoTenants() {
        server = LeadlineServer.shared();
        tenantA = Fixtures.newTenant(server).api();
        tenantB = Fixtures.newTenant(server).api();
    }

    static byte[] resource(String name) {
        try (InputStream in = ImportIT.class.getResourceAsStream("/csv/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uploads and waits for the import to end; returns its final status. */
    static JsonObject importAndWait(Api api, byte[] csv, String query) {
        Api.Response r = api.sendChunked("POST", "/api/v1/imports" + query, csv, "text/csv");
        assertEquals(202, r.status(), r.toString());
        String id = r.json().getString("id");
        assertEquals("/api/v1/imports/" + id, java.net.URI.create(r.header("location")).getPath());
        return awaitEnd(api, id, 120);
    }

    static JsonObject awaitEnd(Api api, String id, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            Api.Response s = api.get("/api/v1/imports/" + id);
            assertEquals(200, s.status(), s.toString());
            String state = s.json().getString("state");
            if (state.equals("DONE") || state.equals("FAILED")) {
                return s.json();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + id + " did not end within " + seconds + " s");
    }

    static JsonObject onlyLead(Api api, String q) {
        Api.Response r = api.get("/api/v1/leads?q=" + Api.q(q));
        assertEquals(200, r.status(), r.toString());
        assertEquals(1, r.items().size(), "leads matching " + q + ": " + r.body());
        return r.items().getJsonObject(0);
    }

    static List<CSVRecord> csv(String text) {
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            return p.getRecords();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void salesforceExportIsMappedAutomaticallyAndDryRunWritesNothing() {
        Api api = Fixtures.newTenant(server).api();
        Api.Response dry = api.sendChunked("POST", "/api/v1/imports?dryRun=true", resource("salesforce-leads.csv"), "text/csv");
        assertEquals(200, dry.status(), dry.toString());
        JsonObject d = dry.json();
        assertEquals("UTF-8", d.getString("encoding"));
        assertEquals(",", d.getString("delimiter"));
        JsonArray columns = d.getJsonObject("mapping").getJsonArray("columns");
        assertTrue(columns.contains(Json.createObjectBuilder().add("column", "Zip/Postal Code").add("field", "postalCode").build()), columns.toString());
        assertTrue(columns.contains(Json.createObjectBuilder().add("column", "No. of Employees").add("field", "employees").build()), columns.toString());
        assertEquals(List.of("Lead Status", "Rating"), d.getJsonObject("mapping").getJsonArray("ignored").getValuesAs(jakarta.json.JsonString::getString));
        // Every field a column can be mapped to, for a client that lets the user choose.
        List<String> fields = d.getJsonObject("mapping").getJsonArray("fields").getValuesAs(jakarta.json.JsonString::getString);
        assertTrue(fields.containsAll(List.of("lastName", "companyName", "email", "budget", "purchaseTimeframe")), fields::toString);
        assertEquals(3, d.getJsonArray("rows").size());
        assertEquals("create", d.getJsonArray("rows").getJsonObject(0).getString("result"));
        assertEquals(2, d.getJsonArray("rows").getJsonObject(0).getInt("row"));
        assertEquals(0, api.get("/api/v1/leads").items().size(), "a dry run writes nothing");
        assertEquals(0, api.get("/api/v1/imports").items().size(), "a dry run leaves no import behind");

        JsonObject done = importAndWait(api, resource("salesforce-leads.csv"), "?name=salesforce-leads.csv");
        assertEquals("DONE", done.getString("state"), done.toString());
        assertEquals(3, done.getInt("rowsRead"));
        assertEquals(3, done.getInt("created"));
        assertEquals(0, done.getInt("failed"));

        JsonObject ada = onlyLead(api, "lovelace");
        assertEquals("Analytical Engines Ltd", ada.getJsonObject("company").getString("name"));
        assertEquals("GB", ada.getJsonObject("company").getJsonObject("address").getString("country"));
        assertEquals("EC1A 1BB", ada.getJsonObject("company").getJsonObject("address").getString("postalCode"));
        assertEquals("WEB", ada.getJsonObject("origin").getString("source"));
        assertEquals("+44 7700 900001", ada.getJsonObject("person").getString("mobilePhone"));
        assertEquals(0, ada.getJsonObject("company").getJsonObject("annualRevenue").getJsonNumber("amount")
                .bigDecimalValue().compareTo(new java.math.BigDecimal("1250000")));
        assertEquals("EUR", ada.getJsonObject("company").getJsonObject("annualRevenue").getString("currency"));
        JsonObject grace = onlyLead(api, "hopper");
        assertEquals(2500, grace.getJsonObject("company").getInt("employees"));
        assertEquals("US", grace.getJsonObject("company").getJsonObject("address").getString("country"));
        assertEquals("TRADE_FAIR", grace.getJsonObject("origin").getString("source"));
        assertEquals("PARTNER", onlyLead(api, "torvalds").getJsonObject("origin").getString("source"));

        // The timeline shows one "imported" entry for the lead.
        Api.Response timeline = api.get("/api/v1/leads/" + ada.getString("id") + "/timeline");
        assertEquals(200, timeline.status(), timeline.toString());
        assertTrue(timeline.body().contains("CSV import " + done.getString("id")), timeline.body());
    }

    @Test
    void dynamicsExportIsMappedAutomatically() {
        Api api = Fixtures.newTenant(server).api();
        JsonObject done = importAndWait(api, resource("dynamics-leads.csv"), "?currency=EUR");
        assertEquals(2, done.getInt("created"), done.toString());
        JsonObject hedy = onlyLead(api, "lamarr");
        assertEquals("Inventor", hedy.getJsonObject("person").getString("jobTitle"));
        assertEquals("Frequency Hopping GmbH", hedy.getJsonObject("company").getString("name"));
        assertEquals("DE", hedy.getJsonObject("company").getJsonObject("address").getString("country"));
        assertEquals("THIS_QUARTER", hedy.getJsonObject("qualification").getString("purchaseTimeframe"));
        assertEquals(50000, hedy.getJsonObject("qualification").getJsonObject("budget").getJsonNumber("amount").intValue());
        assertEquals("Spread spectrum licences", hedy.getString("topic"));
        assertEquals("CAMPAIGN", hedy.getJsonObject("origin").getString("source"));
        JsonObject konrad = onlyLead(api, "zuse");
        assertEquals("DE", konrad.getJsonObject("company").getJsonObject("address").getString("country"), "Deutschland");
        assertEquals("Hünfeld", konrad.getJsonObject("company").getJsonObject("address").getString("city"));
        assertEquals("REFERRAL", konrad.getJsonObject("origin").getString("source"));
    }

    /** A dry run's mapping: the columns with no lead field, which must be none but those a dialect keeps to itself. */
    private static JsonObject mapping(Api api, String file) {
        Api.Response dry = api.sendChunked("POST", "/api/v1/imports?dryRun=true", resource(file), "text/csv");
        assertEquals(200, dry.status(), dry.toString());
        for (JsonValue row : dry.json().getJsonArray("rows")) {
            assertEquals("create", row.asJsonObject().getString("result"), file + ": " + dry.body());
        }
        return dry.json().getJsonObject("mapping");
    }

    private static BigDecimal amount(JsonObject money) {
        return money.getJsonNumber("amount").bigDecimalValue();
    }

    @Test
    void salesforceReportLabelsKeepTheCompanyTheStateAndEachAmountsCurrency() {
        Api api = Fixtures.newTenant(server).api();
        JsonObject m = mapping(api, "salesforce-report.csv");
        assertEquals(List.of(), m.getJsonArray("unmapped"), m.toString());
        assertTrue(m.getJsonArray("columns").contains(Json.createObjectBuilder().add("column", "Company / Account")
                .add("field", "companyName").build()), m.toString());
        JsonObject done = importAndWait(api, resource("salesforce-report.csv"), "?currency=EUR");
        assertEquals(2, done.getInt("created"), done.toString());
        JsonObject ada = onlyLead(api, "ada@report.example");
        assertEquals("Analytical Engines Ltd", ada.getJsonObject("company").getString("name"));
        assertEquals("Greater London", ada.getJsonObject("company").getJsonObject("address").getString("region"));
        assertEquals("GB", ada.getJsonObject("company").getJsonObject("address").getString("country"), "UK");
        assertEquals(0, new BigDecimal("2500000").compareTo(amount(ada.getJsonObject("company").getJsonObject("annualRevenue"))));
        assertEquals("EUR", ada.getJsonObject("company").getJsonObject("annualRevenue").getString("currency"));
        JsonObject grace = onlyLead(api, "grace@report.example");
        assertEquals("VA", grace.getJsonObject("company").getJsonObject("address").getString("region"));
        assertEquals(0, new BigDecimal("15000").compareTo(amount(grace.getJsonObject("company").getJsonObject("annualRevenue"))));
        assertEquals("USD", grace.getJsonObject("company").getJsonObject("annualRevenue").getString("currency"),
                "the currency the cell names, not the import's EUR");
        assertEquals(2500, grace.getJsonObject("company").getInt("employees"));
    }

    @Test
    void dynamicsLogicalNamesAndOptionSetCodesAreMappedAutomatically() {
        Api api = Fixtures.newTenant(server).api();
        JsonObject m = mapping(api, "dynamics-logical.csv");
        assertEquals(List.of(), m.getJsonArray("unmapped"), m.toString());
        assertEquals(List.of("leadid", "statuscode", "ownerid"), m.getJsonArray("ignored").getValuesAs(jakarta.json.JsonString::getString));
        JsonObject done = importAndWait(api, resource("dynamics-logical.csv"), "");
        assertEquals(2, done.getInt("created"), done.toString());
        assertEquals(0, done.getInt("failed"), done.toString());
        JsonObject hedy = onlyLead(api, "hedy@logical.example");
        JsonObject person = hedy.getJsonObject("person");
        assertEquals("Inventor", person.getString("jobTitle"));
        assertEquals("+49 30 123456", person.getString("businessPhone"));
        assertEquals("+49 170 1234567", person.getString("mobilePhone"));
        assertEquals("EMAIL", person.getString("preferredContactMethod"));
        JsonObject company = hedy.getJsonObject("company");
        assertEquals("https://hopping.example", company.getString("website"));
        assertEquals("Unter den Linden 1", company.getJsonObject("address").getString("street"));
        assertEquals("10117", company.getJsonObject("address").getString("postalCode"));
        assertEquals("DE", company.getJsonObject("address").getString("country"));
        assertEquals("Consulting", company.getString("industry"));
        assertEquals(12, company.getInt("employees"));
        assertEquals(0, new BigDecimal("1250000").compareTo(amount(company.getJsonObject("annualRevenue"))));
        assertEquals("Spread spectrum licences", hedy.getString("topic"));
        assertEquals("TRADE_FAIR", hedy.getJsonObject("origin").getString("source"));
        JsonObject q = hedy.getJsonObject("qualification");
        assertEquals("THIS_QUARTER", q.getString("purchaseTimeframe"));
        assertEquals("COMMITTEE", q.getString("purchaseProcess"));
        assertTrue(q.getBoolean("decisionMaker"));
        assertEquals("Must have", q.getString("need"));
        assertEquals(0, new BigDecimal("50000").compareTo(amount(q.getJsonObject("budget"))));
        JsonObject konrad = onlyLead(api, "konrad@logical.example");
        assertEquals("IMMEDIATE", konrad.getJsonObject("qualification").getString("purchaseTimeframe"));
        assertEquals("INDIVIDUAL", konrad.getJsonObject("qualification").getString("purchaseProcess"));
        assertFalse(konrad.getJsonObject("qualification").getBoolean("decisionMaker"));
        assertEquals("REFERRAL", konrad.getJsonObject("origin").getString("source"));

        // The same codes under headers of the user's own, with an explicit mapping.
        String explicit = Api.q("{\"Zeitrahmen\":\"purchaseTimeframe\",\"Herkunft\":\"source\",\"Chef\":\"decisionMaker\"}");
        JsonObject mapped = importAndWait(api, "lastName,Zeitrahmen,Herkunft,Chef\nNoether,3,8,1\n".getBytes(StandardCharsets.UTF_8),
                "?mapping=" + explicit);
        assertEquals(1, mapped.getInt("created"), mapped.toString());
        JsonObject emmy = onlyLead(api, "noether");
        assertEquals("THIS_YEAR", emmy.getJsonObject("qualification").getString("purchaseTimeframe"));
        assertEquals("WEB", emmy.getJsonObject("origin").getString("source"));
        assertTrue(emmy.getJsonObject("qualification").getBoolean("decisionMaker"));
    }

    @Test
    void germanHeadersLocaleAmountsAndCountryAliases() {
        Api api = Fixtures.newTenant(server).api();
        JsonObject m = mapping(api, "german-headers.csv");
        assertEquals(List.of(), m.getJsonArray("unmapped"), m.toString());
        JsonObject done = importAndWait(api, resource("german-headers.csv"), "");
        assertEquals(2, done.getInt("created"), done.toString());
        JsonObject jutta = onlyLead(api, "jutta@werkzeuge.example");
        assertEquals("Frau", jutta.getJsonObject("person").getString("salutation"));
        assertEquals("Jutta", jutta.getJsonObject("person").getString("firstName"));
        assertEquals("Einkaufsleitung", jutta.getJsonObject("person").getString("jobTitle"));
        assertEquals("0171 2345678", jutta.getJsonObject("person").getString("mobilePhone"));
        JsonObject company = jutta.getJsonObject("company");
        assertEquals("Kleinschmidt Werkzeuge GmbH & Co. KG", company.getString("name"));
        assertEquals("Hauptstraße 5", company.getJsonObject("address").getString("street"));
        assertEquals("10115", company.getJsonObject("address").getString("postalCode"));
        assertEquals("Berlin", company.getJsonObject("address").getString("city"));
        assertEquals("DE", company.getJsonObject("address").getString("country"));
        assertEquals(1200, company.getInt("employees"));
        assertEquals(0, new BigDecimal("2500000").compareTo(amount(company.getJsonObject("annualRevenue"))));
        JsonObject q = jutta.getJsonObject("qualification");
        assertEquals(0, new BigDecimal("1234.50").compareTo(amount(q.getJsonObject("budget"))));
        assertEquals("EUR", q.getJsonObject("budget").getString("currency"));
        assertEquals("THIS_QUARTER", q.getString("purchaseTimeframe"));
        assertTrue(q.getBoolean("decisionMaker"));
        assertEquals("TRADE_FAIR", jutta.getJsonObject("origin").getString("source"));
        JsonObject rolf = onlyLead(api, "rolf@weber.example");
        assertEquals("GB", rolf.getJsonObject("company").getJsonObject("address").getString("country"), "UK");
        assertFalse(rolf.getJsonObject("qualification").getBoolean("decisionMaker"));

        // French and Spanish headers, booleans in their languages.
        JsonObject latin = importAndWait(api, ("Civilité,Prénom,Nom,Société,Courriel,Code postal,Ville,Pays,Décideur\n"
                + "Mme,Marie,Curie,Radium SA,marie@radium-fr.example,75005,Paris,France,oui\n").getBytes(StandardCharsets.UTF_8), "");
        assertEquals(1, latin.getInt("created"), latin.toString());
        JsonObject marie = onlyLead(api, "marie@radium-fr.example");
        assertEquals("Curie", marie.getJsonObject("person").getString("lastName"));
        assertEquals("Radium SA", marie.getJsonObject("company").getString("name"));
        assertEquals("FR", marie.getJsonObject("company").getJsonObject("address").getString("country"));
        assertTrue(marie.getJsonObject("qualification").getBoolean("decisionMaker"));
        JsonObject spanish = importAndWait(api, ("Nombre,Apellidos,Empresa,Correo electrónico,Ciudad,País,Decisor\n"
                + "Ana,García López,Acme S.L.,ana@acme-es.example,Madrid,España,sí\n").getBytes(StandardCharsets.UTF_8), "");
        assertEquals(1, spanish.getInt("created"), spanish.toString());
        JsonObject ana = onlyLead(api, "ana@acme-es.example");
        assertEquals("García López", ana.getJsonObject("person").getString("lastName"));
        assertEquals("ES", ana.getJsonObject("company").getJsonObject("address").getString("country"));
        assertTrue(ana.getJsonObject("qualification").getBoolean("decisionMaker"));
    }

    @Test
    void hubspotPipedriveAndZohoExportsAreMappedAutomatically() {
        Api api = Fixtures.newTenant(server).api();
        for (String file : List.of("hubspot-contacts.csv", "pipedrive-leads.csv", "zoho-leads.csv")) {
            JsonObject m = mapping(api, file);
            assertEquals(List.of(), m.getJsonArray("unmapped"), file + ": " + m);
            JsonObject done = importAndWait(api, resource(file), "");
            assertEquals(1, done.getInt("created"), file + ": " + done);
        }
        JsonObject katherine = onlyLead(api, "katherine@hubspot.example");
        assertEquals("+1 757 555 0102", katherine.getJsonObject("person").getString("mobilePhone"));
        assertEquals("Langley Research", katherine.getJsonObject("company").getString("name"));
        assertEquals("US", katherine.getJsonObject("company").getJsonObject("address").getString("country"));
        assertEquals("USD", katherine.getJsonObject("company").getJsonObject("annualRevenue").getString("currency"));
        assertEquals("WEB", katherine.getJsonObject("origin").getString("source"));
        JsonObject linus = onlyLead(api, "linus@pipedrive.example");
        assertEquals("Kernel AG", linus.getJsonObject("company").getString("name"));
        assertEquals("Kernel support", linus.getString("topic"));
        assertEquals("97201", linus.getJsonObject("company").getJsonObject("address").getString("postalCode"));
        assertEquals(0, new BigDecimal("5000").compareTo(amount(linus.getJsonObject("qualification").getJsonObject("budget"))));
        JsonObject alan = onlyLead(api, "alan@zoho.example");
        assertEquals("Cryptanalyst", alan.getJsonObject("person").getString("jobTitle"));
        assertEquals("MK3 6EB", alan.getJsonObject("company").getJsonObject("address").getString("postalCode"));
        assertEquals("GB", alan.getJsonObject("company").getJsonObject("address").getString("country"));
        assertEquals("GBP", alan.getJsonObject("company").getJsonObject("annualRevenue").getString("currency"));
        assertEquals("PHONE", alan.getJsonObject("origin").getString("source"));
    }

    @Test
    void theCsvLeadSourceReadsTheSameDialectTableAsTheImport() {
        // Small CSV material through the intake goes to the built-in source-csv plugin, which reads
        // the dialect table of the server's plugin API.
        Api api = Fixtures.newTenant(server).api();
        Api.Response r = api.sendBytes("POST", "/api/v1/intake", ("Vorname;Nachname;Firma;E-Mail;Land;Budget\n"
                + "Rolf;Weber;Weber e.K.;rolf@intake-csv.example;UK;$15,000.00\n").getBytes(StandardCharsets.UTF_8),
                "text/csv", Map.of());
        assertEquals(201, r.status(), r.toString());
        assertEquals("CREATED", r.json().getJsonArray("outcomes").getJsonObject(0).getString("outcome"), r.toString());
        JsonObject rolf = onlyLead(api, "rolf@intake-csv.example");
        assertEquals("Weber e.K.", rolf.getJsonObject("company").getString("name"));
        assertEquals("GB", rolf.getJsonObject("company").getJsonObject("address").getString("country"));
        JsonObject budget = rolf.getJsonObject("qualification").getJsonObject("budget");
        assertEquals(0, new BigDecimal("15000").compareTo(amount(budget)));
        assertEquals("USD", budget.getString("currency"));
    }

    @Test
    void theErrorReportNamesEveryErrorOfARow() {
        Api api = Fixtures.newTenant(server).api();
        JsonObject done = importAndWait(api, ("Last Name,Email,No. of Employees,Country,Annual Revenue,Decision Maker?\n"
                + ",not-an-address,many,Atlantis,lots,perhaps\n").getBytes(StandardCharsets.UTF_8), "");
        assertEquals(1, done.getInt("failed"), done.toString());
        List<CSVRecord> lines = csv(api.get("/api/v1/imports/" + done.getString("id") + "/errors").body());
        List<String> fields = lines.subList(1, lines.size()).stream().map(r -> r.get(1)).sorted().toList();
        assertEquals(List.of("Annual Revenue", "Country", "Decision Maker?", "Email", "Last Name", "No. of Employees"), fields,
                lines.toString());
    }

    @Test
    void aDifferentPersonAtTheSameCompanyIsNotSkippedAndLegalFormsDoNotHideTheSamePerson() {
        Api api = Fixtures.newTenant(server).api();
        Api.Response anna = api.post("/api/v1/leads", Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder().add("firstName", "Anna").add("lastName", "Schmidt"))
                .add("company", Json.createObjectBuilder().add("name", "ACME GmbH"))
                .add("origin", Json.createObjectBuilder().add("source", "PHONE")).build());
        assertEquals(201, anna.status(), anna.toString());
        JsonObject done = importAndWait(api, ("First Name,Last Name,Company\n"
                + "Anna,Schmidt,Acme\n"
                + "Anna,Schmidt,ACME Inc.\n"
                + "A.,Schmidt,\"ACME  GmbH.\"\n"
                + "Bernd,Schmidt,Acme\n"
                + "Bernd,Schmidt,ACME GmbH\n").getBytes(StandardCharsets.UTF_8), "");
        assertEquals(1, done.getInt("created"), "Bernd, whose first name is not Anna's: " + done);
        assertEquals(4, done.getInt("skippedAsDuplicate"), done.toString());
        List<String> firstNames = api.get("/api/v1/leads?q=schmidt").items().stream()
                .map(l -> l.asJsonObject().getJsonObject("person").getString("firstName")).sorted().toList();
        assertEquals(List.of("Anna", "Bernd"), firstNames);

        // Colleagues at one switchboard number with addresses of their own are different people.
        JsonObject colleagues = importAndWait(api, ("First Name,Last Name,Company,Email,Phone,Country\n"
                + "Clara,Vogel,ACME GmbH,clara@acme.example,+49 30 555000,DE\n"
                + "Dirk,Falke,ACME GmbH,dirk@acme.example,030 555000,DE\n").getBytes(StandardCharsets.UTF_8), "");
        assertEquals(2, colleagues.getInt("created"), colleagues.toString());
    }

    @Test
    void windows1252WithSemicolonsMultiLineValuesAndAnExplicitMapping() {
        Api api = Fixtures.newTenant(server).api();
        String mapping = Api.q("{\"Vorname\":\"firstName\",\"Nachname\":\"lastName\",\"Firma\":\"companyName\",\"Beschreibung\":\"description\"}");
        Api.Response dry = api.sendChunked("POST", "/api/v1/imports?dryRun=true&mapping=" + mapping,
                resource("german-1252-semicolon.csv"), "text/csv");
        assertEquals(200, dry.status(), dry.toString());
        assertEquals("windows-1252", dry.json().getString("encoding"));
        assertEquals(";", dry.json().getString("delimiter"));
        assertEquals(List.of(), dry.json().getJsonObject("mapping").getJsonArray("unmapped"));

        JsonObject done = importAndWait(api, resource("german-1252-semicolon.csv"), "?mapping=" + mapping);
        assertEquals(2, done.getInt("created"), done.toString());
        JsonObject mueller = onlyLead(api, "müller");
        assertEquals("Jürgen", mueller.getJsonObject("person").getString("firstName"));
        assertEquals("Straßenbau GmbH", mueller.getJsonObject("company").getString("name"));
        assertEquals("Erste Zeile\r\nzweite Zeile; mit Semikolon", mueller.getString("description"));
        assertEquals("Kosten 5€", onlyLead(api, "weiß").getString("description"));
    }

    @Test
    void utf8WithByteOrderMarkAndOurOwnHeaders() {
        Api api = Fixtures.newTenant(server).api();
        JsonObject done = importAndWait(api, resource("bom-utf8.csv"), "");
        assertEquals(2, done.getInt("created"), done.toString());
        assertEquals("UTF-8", done.getString("encoding"));
        JsonObject zoe = onlyLead(api, "zoe@orsted.example");
        assertEquals("Zoë", zoe.getJsonObject("person").getString("firstName"), "the byte order mark is not part of the first header");
        assertEquals("Ångström", zoe.getJsonObject("person").getString("lastName"));
        assertEquals("København", zoe.getJsonObject("company").getJsonObject("address").getString("city"));
        assertEquals("Żółć", onlyLead(api, "gdansk").getJsonObject("person").getString("lastName"));
    }

    @Test
    void brokenRowsGoToTheErrorReportAndTheImportGoesOn() {
        Api api = Fixtures.newTenant(server).api();
        JsonObject done = importAndWait(api, resource("broken-rows.csv"), "");
        assertEquals("DONE", done.getString("state"), done.toString());
        assertEquals(2, done.getInt("created"), done.toString());
        assertEquals(5, done.getInt("failed"), done.toString());
        assertTrue(done.getString("lastError").contains("not valid CSV"), done.toString());
        onlyLead(api, "good@fine.example");
        onlyLead(api, "also@fine.example");
        assertEquals(0, api.get("/api/v1/leads?q=" + Api.q("never@fine.example")).items().size());

        Api.Response report = api.get("/api/v1/imports/" + done.getString("id") + "/errors");
        assertEquals(200, report.status(), report.toString());
        assertTrue(report.header("content-type").startsWith("text/csv"), report.headers().toString());
        List<CSVRecord> lines = csv(report.body());
        assertEquals(List.of("row", "field", "reason"), lines.get(0).toList());
        assertEquals(List.of("3", "Last Name", "is required"), lines.get(1).toList());
        assertEquals("4", lines.get(2).get(0));
        assertEquals("Last Name", lines.get(2).get(1));
        assertTrue(lines.get(2).get(2).contains("100"), lines.get(2).toString());
        assertEquals(List.of("5", "Email", "must be a valid e-mail address"), lines.get(3).toList());
        assertEquals(List.of("6", "No. of Employees", "must be a whole number"), lines.get(4).toList());
        assertEquals("8", lines.get(5).get(0));
        assertEquals("(row)", lines.get(5).get(1));
        assertTrue(lines.get(5).get(2).contains("not valid CSV"), lines.get(5).toString());
        assertEquals(6, lines.size());
    }

    private static byte[] twoLeads(String title) {
        return ("First Name,Last Name,Company,Email,Title\n"
                + "Marie,Curie,Radium Institute,marie@radium.example," + title + "\n"
                + "Pierre,Curie,Radium Institute,PIERRE@radium.example," + title + "\n"
                + "Irène,Joliot,Radium Institute,," + title + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void duplicatePoliciesSkipUpdateOrCreate() {
        Api api = Fixtures.newTenant(server).api();
        assertEquals(3, importAndWait(api, twoLeads("Physicist"), "").getInt("created"));
        JsonObject marie = onlyLead(api, "marie@radium.example");

        Api.Response dry = api.sendChunked("POST", "/api/v1/imports?dryRun=true&policy=SKIP", twoLeads("Chemist"), "text/csv");
        assertEquals("duplicate", dry.json().getJsonArray("rows").getJsonObject(0).getString("result"));
        assertEquals(marie.getString("id"), dry.json().getJsonArray("rows").getJsonObject(0).getString("duplicateOf"));

        JsonObject skipped = importAndWait(api, twoLeads("Chemist"), "?policy=SKIP");
        assertEquals(0, skipped.getInt("created"), skipped.toString());
        assertEquals(3, skipped.getInt("skippedAsDuplicate"), "by e-mail (any case) and by name at the same company");
        assertEquals("Physicist", onlyLead(api, "marie@radium.example").getJsonObject("person").getString("jobTitle"));

        JsonObject updated = importAndWait(api.lenient(), twoLeads("Chemist"), "?policy=update");
        assertEquals(3, updated.getInt("updated"), updated.toString());
        JsonObject after = onlyLead(api, "marie@radium.example");
        assertEquals("Chemist", after.getJsonObject("person").getString("jobTitle"));
        assertEquals("Marie", after.getJsonObject("person").getString("firstName"));
        assertTrue(after.getInt("version") > marie.getInt("version"), "an update moves the version");
        assertEquals("Chemist", onlyLead(api, "joliot").getJsonObject("person").getString("jobTitle"));

        JsonObject created = importAndWait(api, twoLeads("Chemist"), "?policy=CREATE");
        assertEquals(3, created.getInt("created"), created.toString());
        assertEquals(2, api.get("/api/v1/leads?q=" + Api.q("marie@radium.example")).items().size());

        JsonObject sameFile = importAndWait(api, ("lastName,email\nNoether,emmy@math.example\nNoether,EMMY@math.example\n")
                .getBytes(StandardCharsets.UTF_8), "");
        assertEquals(1, sameFile.getInt("created"), "a row repeating an earlier row of the file is a duplicate");
        assertEquals(1, sameFile.getInt("skippedAsDuplicate"));
    }

    @Test
    void rowsWithoutEmailAreDuplicatesByPhoneNumberInAnySpelling() {
        Api api = Fixtures.newTenant(server).api();
        JsonObject first = importAndWait(api, ("First Name,Last Name,Company,Mobile,Phone,Country\n"
                + "Lise,Meitner,Kaiser Wilhelm Institut,+49 171 2345678,,DE\n"
                + "Otto,Hahn,Kaiser Wilhelm Institut,,030 8413 0,DE\n").getBytes(StandardCharsets.UTF_8), "");
        assertEquals(2, first.getInt("created"), first.toString());

        // The same numbers written another way, under other names and companies; and the mobile number as business phone.
        JsonObject again = importAndWait(api, ("First Name,Last Name,Company,Mobile,Phone,Country\n"
                + "L.,Meitner-Frisch,KWI Berlin,0171 / 234 56 78,,DE\n"
                + "O.,Hahn,Max-Planck-Gesellschaft,,+49 (30) 84130,DE\n"
                + "Lise,M.,Other Institute,,+49 1712345678,DE\n"
                + "Fritz,Strassmann,Kaiser Wilhelm Institut,+49 171 9999999,,DE\n").getBytes(StandardCharsets.UTF_8), "?policy=SKIP");
        assertEquals(3, again.getInt("skippedAsDuplicate"), again.toString());
        assertEquals(1, again.getInt("created"), again.toString());
        assertEquals(1, api.get("/api/v1/leads?q=meitner").items().size());

        // Another tenant's leads are never duplicates.
        JsonObject elsewhere = importAndWait(tenantB, ("Last Name,Company,Mobile,Country\n"
                + "Meitner,Kaiser Wilhelm Institut,+49 171 2345678,DE\n").getBytes(StandardCharsets.UTF_8), "?policy=SKIP");
        assertEquals(1, elsewhere.getInt("created"), elsewhere.toString());
    }

    @Test
    void anImportedLeadShowsItsImportAsItsFirstEntryAndKeepsItThroughAMerge() {
        Fixtures.TenantAdmin admin = Fixtures.newTenant(server);
        Api api = admin.api();
        String me = api.get("/api/v1/auth/me").json().getString("id");
        JsonObject done = importAndWait(api, ("First Name,Last Name,Company,Email\n"
                + "Ada,Byron,Engines,ada.byron@engines.example\n"
                + "Augusta,King,Engines,augusta.king@engines.example\n").getBytes(StandardCharsets.UTF_8), "?name=engines.csv");
        String importId = done.getString("id");
        String label = "CSV import " + importId + " (engines.csv)";
        String ada = onlyLead(api, "byron").getString("id");
        String augusta = onlyLead(api, "augusta").getString("id");
        String base = "/api/v1/leads/" + ada;
        for (int i = 0; i < 3; i++) {
            assertEquals(201, api.post(base + "/notes", Json.createObjectBuilder().add("text", "Note " + i).build()).status());
        }

        // Newest first: three notes, then the import as the oldest entry, on every way through the pages.
        List<JsonObject> all = api.get(base + "/timeline?limit=100").items().getValuesAs(JsonObject.class);
        assertEquals(4, all.size(), all.toString());
        JsonObject imported = all.get(3);
        assertEquals("AUDIT", imported.getString("kind"));
        assertEquals(importId, imported.getString("id"));
        assertEquals(me, imported.getString("employeeId"));
        JsonObject item = imported.getJsonObject("item");
        assertEquals("CREATED", item.getString("change"));
        assertEquals("import", item.getJsonArray("changes").getJsonObject(0).getString("field"));
        assertEquals(label, item.getJsonArray("changes").getJsonObject(0).getString("to"));
        for (int limit = 1; limit <= 4; limit++) {
            assertEquals(all.stream().map(e -> e.getString("id")).toList(), walk(api, base + "/timeline", limit),
                    "pages of " + limit);
        }
        assertEquals(List.of(importId), api.get(base + "/timeline?kind=AUDIT").items().getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("id")).toList());
        assertEquals(0, api.get(base + "/timeline?kind=NOTE").items().stream()
                .filter(e -> e.asJsonObject().getString("id").equals(importId)).count());

        // The audit history has it too, also when asked for the field.
        List<JsonObject> audit = api.get(base + "/audit?field=import").items().getValuesAs(JsonObject.class);
        assertEquals(1, audit.size(), audit.toString());
        assertEquals(label, audit.get(0).getJsonArray("changes").getJsonObject(0).getString("to"));
        assertEquals(0, api.get(base + "/audit?field=topic").items().size());
        assertEquals(walk(api, base + "/audit", 100), walk(api, base + "/audit", 1));
        assertTrue(walk(api, base + "/audit", 100).contains(importId));

        // Another tenant sees neither the lead nor its entries.
        assertEquals(404, tenantB.get(base + "/timeline").status());
        assertEquals(404, tenantB.get(base + "/audit").status());

        // Merged away, Augusta's import entry moves to the survivor as a stored entry.
        Api.Response merged = api.post(base + "/merge", Json.createObjectBuilder()
                .add("mergedIds", Json.createArrayBuilder().add(augusta)).build());
        assertEquals(200, merged.status(), merged.toString());
        List<JsonObject> after = api.get(base + "/timeline?kind=AUDIT&limit=100").items().getValuesAs(JsonObject.class);
        assertEquals(2, after.stream().filter(e -> e.getJsonObject("item").getJsonArray("changes").stream()
                .anyMatch(c -> label.equals(c.asJsonObject().getString("to", null)))).count(),
                "the survivor's own import entry and the merged lead's: " + after);
    }

    /** The ids of every entry of a paged list, following the cursors. */
    private static List<String> walk(Api api, String path, int limit) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Api.Response r = api.get(path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + Api.q(cursor)));
            assertEquals(200, r.status(), r.toString());
            r.items().forEach(e -> ids.add(e.asJsonObject().getString("id")));
            JsonObject pageInfo = r.json().getJsonObject("page");
            cursor = pageInfo == null ? null : pageInfo.getString("nextCursor", null);
        } while (cursor != null);
        return ids;
    }

    @Test
    void exportNeutralisesFormulasAndReimportsCleanly() {
        Fixtures.TenantAdmin source = Fixtures.newTenant(server);
        Api api = source.api();
        JsonObject lead = Json.createObjectBuilder()
                .add("person", Json.createObjectBuilder().add("firstName", "=HYPERLINK(\"http://evil.example\")")
                        .add("lastName", "Formula").add("email", "formula@export.example")
                        .add("businessPhone", "+49 30 1234567").add("mobilePhone", "-0170 123"))
                .add("company", Json.createObjectBuilder().add("name", "@Risk, \"Quoted\" & Co").add("employees", 12)
                        .add("annualRevenue", Json.createObjectBuilder().add("amount", 1000.5).add("currency", "USD"))
                        .add("address", Json.createObjectBuilder().add("city", "Köln").add("country", "DE")))
                .add("origin", Json.createObjectBuilder().add("source", "TRADE_FAIR").add("detail", "CeBIT"))
                .add("qualification", Json.createObjectBuilder().add("purchaseTimeframe", "NEXT_YEAR").add("decisionMaker", true))
                .add("description", "line one\nline two")
                .build();
        assertEquals(201, api.post("/api/v1/leads", lead).status());
        assertEquals(201, api.post("/api/v1/leads", Fixtures.minimalLead("Plain")).status());

        Api.Response export = api.get("/api/v1/leads/export?q=formula");
        assertEquals(200, export.status(), export.toString());
        assertTrue(export.header("content-type").startsWith("text/csv"));
        List<CSVRecord> rows = csv(export.body());
        assertEquals(2, rows.size(), "the header and the one lead the filter selects");
        Map<String, String> row = new java.util.HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            row.put(rows.get(0).get(i), rows.get(1).get(i));
        }
        assertEquals("'=HYPERLINK(\"http://evil.example\")", row.get("firstName"));
        assertEquals("'+49 30 1234567", row.get("businessPhone"));
        assertEquals("'-0170 123", row.get("mobilePhone"));
        assertEquals("'@Risk, \"Quoted\" & Co", row.get("companyName"));
        assertEquals("TRADE_FAIR", row.get("source"));

        Api.Response all = api.get("/api/v1/leads/export");
        assertEquals(3, csv(all.body()).size());

        // The export imports into another tenant as it was.
        Api target = Fixtures.newTenant(server).api();
        JsonObject done = importAndWait(target, all.body().getBytes(StandardCharsets.UTF_8), "");
        assertEquals(2, done.getInt("created"), done.toString());
        assertEquals(0, done.getInt("failed"), done.toString());
        assertTrue(done.toString().contains("DONE"));
        JsonObject copy = onlyLead(target, "formula@export.example");
        JsonObject original = onlyLead(api, "formula@export.example");
        for (String part : List.of("person", "company", "origin", "qualification")) {
            assertEquals(original.getJsonObject(part), copy.getJsonObject(part), part);
        }
        assertEquals(original.getString("description"), copy.getString("description"));
    }

    @Test
    void badRequestsAreProblemsNamingTheParameter() {
        byte[] ok = twoLeads("x");
        Api.Response policy = tenantA.sendChunked("POST", "/api/v1/imports?policy=MAYBE", ok, "text/csv");
        assertEquals(400, policy.status());
        assertEquals("policy", policy.json().getJsonArray("errors").getJsonObject(0).getString("field"), policy.toString());
        Api.Response field = tenantA.sendChunked("POST", "/api/v1/imports?mapping=" + Api.q("{\"Title\":\"shoeSize\"}"), ok, "text/csv");
        assertEquals(400, field.status());
        assertNotNull(field.fieldError("mapping.Title"), field.toString());
        Api.Response noLastName = tenantA.sendChunked("POST", "/api/v1/imports",
                "Vorname,Firma\nA,B\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(400, noLastName.status());
        assertNotNull(noLastName.fieldError("mapping"), noLastName.toString());
        // the refusal carries the mapping as far as it was found, so a client can map the columns by hand
        jakarta.json.JsonObject partial = noLastName.json().getJsonObject("mapping");
        assertEquals("firstName", partial.getJsonArray("columns").getJsonObject(0).getString("field"), noLastName.toString());
        assertEquals("Vorname", partial.getJsonArray("columns").getJsonObject(0).getString("column"));
        assertTrue(partial.getJsonArray("fields").getValuesAs(jakarta.json.JsonString::getString).contains("lastName"));
        Api.Response empty = tenantA.sendChunked("POST", "/api/v1/imports", new byte[0], "text/csv");
        assertEquals(400, empty.status());
        assertNotNull(empty.fieldError("body"), empty.toString());
        Api.Response charset = tenantA.sendChunked("POST", "/api/v1/imports?charset=EBCDIC", ok, "text/csv");
        assertEquals(400, charset.status(), charset.toString());
        assertEquals(404, tenantA.get("/api/v1/imports/not-an-id").status());
    }

    @Test
    void anotherTenantNeverSeesImportsOrTheirLeads() {
        JsonObject done = importAndWait(tenantA, resource("broken-rows.csv"), "");
        String id = done.getString("id");
        assertEquals(404, tenantB.get("/api/v1/imports/" + id).status());
        assertEquals(404, tenantB.get("/api/v1/imports/" + id + "/errors").status());
        assertFalse(tenantB.get("/api/v1/imports").body().contains(id));
        assertTrue(tenantA.get("/api/v1/imports").body().contains(id));
        String exportB = tenantB.get("/api/v1/leads/export").body();
        assertFalse(exportB.contains("good@fine.example"), exportB);
        assertTrue(tenantA.get("/api/v1/leads/export").body().contains("good@fine.example"));
        assertEquals(0, tenantB.get("/api/v1/leads?q=" + Api.q("good@fine.example")).items().size());
    }

    /**
     * An export of more leads than one of its pages (500) holds every matching lead once, in the
     * list's order, whichever plan reads its pages: the merged runs of a word's stored words
     * (newest first), or the walk of the order checking each lead for the words (the suite's
     * driving limit of 3 sends every common word there).
     */
    @Test
    void anExportOfSeveralPagesHoldsEveryMatchingLeadOnceInTheListsOrder() {
        Api api = Fixtures.newTenant(server).api();
        String[] lastNames = {"Virtanen", "Berg", "Adams", "Okafor", "Virtala"};
        StringBuilder csv = new StringBuilder("firstName,lastName,email,companyName,source\n");
        for (int i = 0; i < 1_150; i++) {
            csv.append("Person").append(i).append(',').append(lastNames[i % lastNames.length]).append(",p").append(i)
                    .append("@pagewise.example,Pagewise ")
                    // every tenth a Virtanen of a Virtual company: two words that "virt" starts
                    .append(i % 37 == 0 ? "Holding" : i % 10 == 0 ? "Virtual" : "Works").append(' ')
                    .append(i).append(',').append(i % 3 == 0 ? "PARTNER" : "WEB").append('\n');
        }
        JsonObject done = importAndWait(api, csv.toString().getBytes(StandardCharsets.UTF_8), "");
        assertEquals(1_150, done.getInt("created"), done.toString());

        // A prefix of a few words (virt: virtanen, virtala, virtual), of many words that each lead has
        // several of (p: person…, p…, pagewise; person1: 111 words), and in every order.
        for (String filter : List.of("q=pagewise", "q=virt", "q=pagewise&sort=lastName", "q=works&sort=-companyName",
                "q=pagewise+virtanen&sort=createdAt", "q=pagewise&source=PARTNER", "sort=lastName",
                "q=virt&sort=lastName", "q=virt&sort=-lastName", "q=virt&sort=companyName", "q=p", "q=p&sort=lastName",
                "q=p&sort=-updatedAt", "q=person1", "q=person1&sort=-lastName", "q=pagewise+works&sort=lastName",
                "q=virt&status=OPEN&sort=lastName")) {
            List<String> listed = new java.util.ArrayList<>();
            String path = "/api/v1/leads?limit=100&" + filter;
            while (path != null) {
                Api.Response page = api.get(path);
                assertEquals(200, page.status(), page.toString());
                page.items().forEach(v -> listed.add(v.asJsonObject().getString("id")));
                JsonValue next = page.json().getJsonObject("page").get("nextCursor");
                path = next == null || next.getValueType() == JsonValue.ValueType.NULL ? null
                        : "/api/v1/leads?limit=100&" + filter + "&cursor=" + Api.q(((jakarta.json.JsonString) next).getString());
            }
            Api.Response export = api.get("/api/v1/leads/export?" + filter);
            assertEquals(200, export.status(), export.toString());
            List<CSVRecord> rows = csv(export.body());
            List<String> exported = rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList();
            assertTrue(listed.size() > 0, filter);
            assertEquals(listed.size(), new java.util.HashSet<>(listed).size(), filter + ": the list repeats a lead");
            assertEquals(listed, exported, filter + ": the export differs from the list");
        }
        assertEquals(1_150, csv(api.get("/api/v1/leads/export?q=pagewise").body()).size() - 1);
        assertEquals(1_150 * 2 / 5, csv(api.get("/api/v1/leads/export?q=virt").body()).size() - 1,
                "Virtanen and Virtala, two of every five (a Virtanen of a Virtual company once)");

        // An export reads every lead with one statement: its statements do not grow with its rows
        // (counted by the server and logged, the response's header being sent before the rows).
        assertEquals(exportStatements(api, "q=pagewise+holding", 32), exportStatements(api, "q=pagewise+works", 1_007),
                "32 and 1,007 leads of a search by two words");
        assertEquals(exportStatements(api, "q=virtanen&sort=lastName", 230),
                exportStatements(api, "q=pagewise&sort=lastName", 1_150), "230 and 1,150 leads of a word in name order");
        assertEquals(exportStatements(api, "q=virtala", 230), exportStatements(api, "q=pagewise", 1_150),
                "230 and 1,150 leads of a word newest first");
        assertEquals(exportStatements(api, "sort=lastName&source=PARTNER", 384), exportStatements(api, "sort=lastName", 1_150),
                "384 and 1,150 leads without a search");
    }

    /** The statements of an export of {@code rows} leads, as the server logged them. */
    private static int exportStatements(Api api, String filter, int rows) {
        String line = "Export of " + rows + " leads took ";
        int before;
        try {
            before = server.log().length();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Api.Response export = api.get("/api/v1/leads/export?" + filter);
        assertEquals(200, export.status(), export.toString());
        assertEquals(rows, csv(export.body()).size() - 1, filter);
        Integer statements = server.loggedNumberAfter(line, before, java.time.Duration.ofSeconds(5));
        if (statements != null) {
            return statements;
        }
        throw new AssertionError("no statement count logged for the export of " + filter);
    }

}
