package org.leadline.client;

import java.net.URI;
import java.util.Objects;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.leadline.api.problem.Problem;
import org.leadline.api.tenancy.LoginView;

/**
 * A typed client of the Leadline REST API, built on the Jakarta REST client API: bring any
 * implementation (Jersey, RESTEasy) with JSON-B support. Requests and answers are the API's own
 * record types, the same ones the server reads and writes and the OpenAPI document describes.
 *
 * <pre>{@code
 * try (LeadlineClient leadline = LeadlineClient.signIn(URI.create("http://localhost:8080"), "owner", password)) {
 *     Versioned<LeadView> lead = leadline.leads().create(newLead);
 *     leadline.interactions(lead.value().id()).create(call);
 * }
 * }</pre>
 *
 * <p>Every refused request throws {@link LeadlineException} with the server's problem.
 */
public final class LeadlineClient implements AutoCloseable {

    static final String API = "api/v1";
    static final MediaType MERGE_PATCH = MediaType.valueOf("application/merge-patch+json");

    private final Client http;
    private final boolean ownsHttp;
    private final WebTarget api;
    private final String token;
    private final Jsonb jsonb;

    private LeadlineClient(Client http, boolean ownsHttp, URI base, String token) {
        this.http = http;
        this.ownsHttp = ownsHttp;
        this.api = http.target(base).path(API);
        this.token = token;
        this.jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
    }

    /** A client of the server at {@code base} (e.g. {@code http://localhost:8080}), not signed in. */
    public static LeadlineClient connect(URI base) {
        return new LeadlineClient(ClientBuilder.newClient(), true, base, null);
    }

    /** A client of the server at {@code base} that sends an API token (or a session token). */
    public static LeadlineClient withToken(URI base, String token) {
        return new LeadlineClient(ClientBuilder.newClient(), true, base, Objects.requireNonNull(token));
    }

    /** As {@link #withToken(URI, String)}, on a JAX-RS client the caller configured and closes. */
    public static LeadlineClient withToken(Client http, URI base, String token) {
        return new LeadlineClient(http, false, base, Objects.requireNonNull(token));
    }

    /**
     * Signs in at the server at {@code base} as a platform administrator or a user of the server's
     * default tenant, and answers a client that sends the session token.
     */
    public static LeadlineClient signIn(URI base, String username, String password) {
        return signIn(base, null, username, password);
    }

    /**
     * Signs in at the server at {@code base} as a user of the tenant with the slug {@code tenant}
     * (usernames are unique per tenant), and answers a client that sends the session token.
     */
    public static LeadlineClient signIn(URI base, String tenant, String username, String password) {
        Client http = ClientBuilder.newClient();
        LeadlineClient signedIn = signIn(http, base, tenant, username, password);
        return new LeadlineClient(http, true, base, signedIn.token);
    }

    /**
     * As {@link #signIn(URI, String, String)}, on a Jakarta REST client the caller configured (its
     * connector must speak PATCH, as Jersey's java.net.http connector does) and closes.
     */
    public static LeadlineClient signIn(Client http, URI base, String username, String password) {
        return signIn(http, base, null, username, password);
    }

    /** As {@link #signIn(URI, String, String, String)}, on a Jakarta REST client the caller configured and closes. */
    public static LeadlineClient signIn(Client http, URI base, String tenant, String username, String password) {
        try (LeadlineClient anonymous = new LeadlineClient(http, false, base, null)) {
            LoginView.Session session = anonymous.send(anonymous.api.path("auth/login")
                    .request(MediaType.APPLICATION_JSON_TYPE)
                    .buildPost(anonymous.json(new LoginView.Request(username, password, tenant))), LoginView.Session.class)
                    .value();
            return new LeadlineClient(http, false, base, session.token());
        }
    }

    /** The session or API token this client sends; null when not signed in. */
    public String token() {
        return token;
    }

    /** Leads: create, read, change, delete, list and search. */
    public Leads leads() {
        return new Leads(this);
    }

    /** A lead's interactions. */
    public Interactions interactions(String leadId) {
        return new Interactions(this, leadId);
    }

    /** A lead's process: the stage reached and what is missing. */
    public LeadProcess process(String leadId) {
        return new LeadProcess(this, leadId);
    }

    /** Qualifying, disqualifying and reopening a lead. */
    public Closing closing(String leadId) {
        return new Closing(this, leadId);
    }

    WebTarget api() {
        return api;
    }

    Invocation.Builder request(WebTarget target) {
        Invocation.Builder b = target.request(MediaType.APPLICATION_JSON_TYPE);
        if (token != null) {
            b.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return b;
    }

    Entity<String> json(Object body) {
        return Entity.entity(jsonb.toJson(body), MediaType.APPLICATION_JSON_TYPE);
    }

    Entity<String> mergePatch(Object patch) {
        return Entity.entity(jsonb.toJson(patch), MERGE_PATCH);
    }

    /** Sends the request; a 2xx answer is read as {@code type} (null for none), anything else throws. */
    <T> Versioned<T> send(Invocation invocation, Class<T> type) {
        return send(invocation, (java.lang.reflect.Type) type);
    }

    <T> Versioned<T> send(Invocation invocation, GenericType<T> type) {
        return send(invocation, type.getType());
    }

    @SuppressWarnings("unchecked")
    private <T> Versioned<T> send(Invocation invocation, java.lang.reflect.Type type) {
        try (Response response = invocation.invoke()) {
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (response.getStatus() >= 300 && response.getStatus() != 304) {
                Problem problem = null;
                if (body != null && !body.isBlank() && response.getMediaType() != null
                        && response.getMediaType().getSubtype().endsWith("json")) {
                    problem = jsonb.fromJson(body, Problem.class);
                }
                throw new LeadlineException(response.getStatus(), problem);
            }
            T value = type == Void.class || body == null || body.isEmpty() ? null : (T) jsonb.fromJson(body, type);
            return new Versioned<>(value, response.getHeaderString(HttpHeaders.ETAG));
        }
    }

    @Override
    public void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing held
        }
        if (ownsHttp) {
            http.close();
        }
    }
}
