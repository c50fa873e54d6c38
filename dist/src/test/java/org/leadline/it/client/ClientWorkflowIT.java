package org.leadline.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.json.Json;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadline.api.conversion.ClosingViews;
import org.leadline.api.conversion.QualificationView;
import org.leadline.api.lead.ContactMethod;
import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.LeadStatus;
import org.leadline.api.lead.LeadView;
import org.leadline.api.lead.PurchaseProcess;
import org.leadline.api.lead.PurchaseTimeframe;
import org.leadline.api.lead.Source;
import org.leadline.api.process.LeadProcessView;
import org.leadline.api.timeline.Direction;
import org.leadline.api.timeline.InteractionView;
import org.leadline.api.timeline.Medium;
import org.leadline.client.LeadQuery;
import org.leadline.client.LeadlineClient;
import org.leadline.client.LeadlineException;
import org.leadline.client.Versioned;
import org.leadline.it.Contract;
import org.leadline.it.Fixtures;
import org.leadline.it.LeadlineServer;

/**
 * The lead workflow through the Java client a partner or integrator uses: the same record types as
 * the server, over HTTP against the real distribution.
 */
class ClientWorkflowIT {

    private static LeadlineServer server;
    private static Fixtures.TenantAdmin tenant;
    private static Client http;
    private static LeadlineClient leadline;
    private static LeadlineClient otherTenant;

    @BeforeAll
    static void signIn() {
        server = LeadlineServer.shared();
        tenant = Fixtures.newTenant(server);
        // Jersey on Apache HttpClient 5: it speaks PATCH, which HttpURLConnection does not
        http = ClientBuilder.newClient(new ClientConfig().connectorProvider(new Apache5ConnectorProvider()))
                .register(new ContractCheck(server.base()));
        leadline = LeadlineClient.signIn(http, URI.create(server.base()), tenant.slug(), tenant.username(), tenant.password());
        Fixtures.TenantAdmin other = Fixtures.newTenant(server);
        otherTenant = LeadlineClient.signIn(http, URI.create(server.base()), other.slug(), other.username(), other.password());
    }

    @AfterAll
    static void close() {
        leadline.close();
        otherTenant.close();
        http.close();
    }

    /** Holds the client's exchanges to the API document too, like every other exchange of the suite. */
    static final class ContractCheck implements ClientResponseFilter {
        private final String base;

        ContractCheck(String base) {
            this.base = base;
        }

        @Override
        public void filter(ClientRequestContext request, ClientResponseContext response) throws java.io.IOException {
            byte[] body = response.hasEntity() ? response.getEntityStream().readAllBytes() : new byte[0];
            response.setEntityStream(new java.io.ByteArrayInputStream(body));
            java.util.Map<String, java.util.List<String>> requestHeaders = new java.util.LinkedHashMap<>();
            request.getStringHeaders().forEach(requestHeaders::put);
            if (request.getMediaType() != null) {
                requestHeaders.put("Content-Type", java.util.List.of(request.getMediaType().toString()));
            }
            java.util.Map<String, String> responseHeaders = new java.util.LinkedHashMap<>();
            response.getHeaders().forEach((k, v) -> responseHeaders.put(k.toLowerCase(), String.join(", ", v)));
            java.net.URI uri = request.getUri();
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            Contract.check(base, request.getMethod(), pathAndQuery, requestHeaders,
                    request.hasEntity() ? String.valueOf(request.getEntity()) : null, response.getStatus(),
                    responseHeaders, new String(body, java.nio.charset.StandardCharsets.UTF_8), false);
        }
    }

    private static LeadView tradeFairLead(String lastName) {
        LeadData.Person person = new LeadData.Person("Ms.", "Anna", lastName, "Head of Sales",
                lastName.toLowerCase() + "@acme.example", "+49 30 1234567", null, ContactMethod.EMAIL, "de");
        LeadData.Company company = new LeadData.Company("ACME GmbH", "https://acme.example", "Manufacturing", 250,
                null, new LeadData.Address("Hauptstr. 1", "10115", "Berlin", null, "DE"));
        LeadData.Qualification qualification = new LeadData.Qualification(
                new LeadData.Money(new BigDecimal("50000"), "EUR"), "Replace spreadsheets for lead tracking",
                PurchaseTimeframe.THIS_QUARTER, true, null, PurchaseProcess.COMMITTEE, null);
        return LeadView.form(new LeadData(person, company, new LeadData.Origin(Source.TRADE_FAIR, "Hannover Messe"),
                qualification, "CRM for the sales team", null, null));
    }

    @Test
    void aLeadGoesFromCaptureToQualifiedThroughTheClient() {
        // create: stored, rated by the built-in BANT rules, with its version
        Versioned<LeadView> created = leadline.leads().create(tradeFairLead("Client"), "client-workflow-1", false);
        LeadView lead = created.value();
        assertNotNull(lead.id());
        assertEquals(LeadStatus.OPEN, lead.status());
        assertNotNull(lead.rating(), "rated on creation");
        assertNotNull(lead.scoring(), "with the scoring details");
        assertEquals("\"" + lead.version() + "\"", created.etag());
        Versioned<LeadView> replayed = leadline.leads().create(tradeFairLead("Client"), "client-workflow-1", false);
        assertEquals(lead.id(), replayed.value().id(), "the same key answers with the first lead");

        // read, change with the version read, and a stale version is refused
        Versioned<LeadView> read = leadline.leads().get(lead.id());
        assertEquals("Client", read.value().person().lastName());
        Versioned<LeadView> changed = leadline.leads().update(lead.id(), read.etag(),
                Json.createObjectBuilder().add("topic", "CRM for 40 sellers").build());
        assertEquals("CRM for 40 sellers", changed.value().topic());
        LeadlineException stale = assertThrows(LeadlineException.class, () -> leadline.leads().update(lead.id(),
                read.etag(), Json.createObjectBuilder().add("topic", "lost").build()));
        assertEquals(412, stale.status());
        assertEquals("/problems/precondition-failed", stale.type());

        // invalid input: every refused field named
        LeadlineException invalid = assertThrows(LeadlineException.class, () -> leadline.leads().create(
                LeadView.form(new LeadData(new LeadData.Person(null, null, null, null, "not-an-address", null, null,
                        null, null), null, null, null, null, null, null))));
        assertEquals(400, invalid.status());
        List<String> fields = invalid.errors().stream().map(e -> e.field()).toList();
        assertTrue(fields.containsAll(List.of("person.lastName", "person.email", "origin")), fields.toString());

        // list and search, page by page
        assertTrue(leadline.leads().stream(LeadQuery.all().withSearch("client").withLimit(1))
                .anyMatch(l -> l.id().equals(lead.id())));
        assertEquals(List.of(), otherTenant.leads().stream(LeadQuery.all().withSearch("client")).toList(),
                "another tenant sees none of it");

        // an interaction on the timeline
        Versioned<InteractionView> call = leadline.interactions(lead.id()).create(new InteractionView(null, null, null,
                Medium.PHONE, Direction.OUTBOUND, "First call", null, null, "Wants a proposal", null, null, null, null,
                null));
        assertNotNull(call.value().id());
        assertEquals(call.value().id(), leadline.interactions(lead.id()).list(null, 10).items().get(0).id());

        // the process: what is missing, ticking it, moving on
        LeadProcessView process = leadline.process(lead.id()).get();
        assertEquals("qualify", process.stage());
        assertFalse(process.canAdvance());
        LeadlineException notYet = assertThrows(LeadlineException.class, () -> leadline.process(lead.id()).moveTo("develop"));
        assertEquals(422, notYet.status());
        LeadProcessView ticked = leadline.process(lead.id()).tick("qualify", "The need was confirmed with the lead", true);
        assertTrue(ticked.canAdvance());
        assertEquals("develop", leadline.process(lead.id()).moveTo("develop").stage());

        // qualify: preview, then for real; the lead becomes QUALIFIED
        QualificationView preview = leadline.closing(lead.id()).preview(null);
        assertTrue(preview.dryRun());
        assertNull(preview.opportunity().id(), "a dry run creates nothing");
        QualificationView qualified = leadline.closing(lead.id()).qualify(null);
        assertFalse(qualified.dryRun());
        assertNotNull(qualified.contact().id());
        assertNotNull(qualified.opportunity().id());
        LeadView after = leadline.leads().get(lead.id()).value();
        assertEquals(LeadStatus.QUALIFIED, after.status());
        assertEquals(qualified.opportunity().id(), after.conversion().opportunityId(),
                "the lead links to the opportunity it became");
    }

    @Test
    void aLeadIsDisqualifiedReopenedAndDeleted() {
        Versioned<LeadView> lead = leadline.leads().create(tradeFairLead("Setaside"), null, true);
        String id = lead.value().id();
        ClosingViews.ClosingLead disqualified = leadline.closing(id).disqualify("NO_BUDGET", "Next year");
        assertEquals(LeadStatus.DISQUALIFIED, disqualified.status());
        ClosingViews.ClosingLead reopened = leadline.closing(id).reopen();
        assertEquals(LeadStatus.OPEN, reopened.status());
        Versioned<LeadView> current = leadline.leads().get(id);
        leadline.leads().delete(id, current.etag());
        LeadlineException gone = assertThrows(LeadlineException.class, () -> leadline.leads().get(id));
        assertEquals(404, gone.status());
        LeadlineException foreign = assertThrows(LeadlineException.class, () -> otherTenant.leads().get(
                leadline.leads().create(tradeFairLead("Mine"), null, true).value().id()));
        assertEquals(404, foreign.status(), "another tenant's lead is answered like a missing one");
    }
}
