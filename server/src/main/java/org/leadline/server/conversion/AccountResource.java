package org.leadline.server.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.problem.FieldError;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.platform.web.Paging;
import org.leadline.server.platform.web.Preconditions;
import org.leadline.server.tenancy.Role;

/** Accounts: read, list, patch with If-Match. */
@Path("accounts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.TENANT_ADMIN_NAME, Role.SALES_NAME})
public class AccountResource {

    @Inject
    CustomerService customers;

    @GET
    public JsonObject list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limitText) {
        int limit = Paging.limit(limitText);
        return CustomerResources.page(customers.list(Account.class, CustomerResources.blankToNull(cursor), limit), limit, CustomerJson::account, Account::id);
    }

    @GET
    @Path("{id}")
    public Response read(@PathParam("id") String id, @Context Request request) {
        Account a = customers.find(Account.class, id);
        return CustomerResources.read(request, a.version(), CustomerJson.account(a));
    }

    @PATCH
    @Path("{id}")
    @Consumes({CustomerResources.MERGE_PATCH, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonObject body) {
        Account a = customers.find(Account.class, id);
        Long version = Preconditions.requiredVersion(ifMatch);
        List<FieldError> errors = new ArrayList<>();
        JsonInput in = new JsonInput(body, "", errors);
        String name = CustomerResources.text(body, in, "name", a.name(), 200, true);
        String website = CustomerResources.text(body, in, "website", a.website(), 500, false);
        String industry = CustomerResources.text(body, in, "industry", a.industry(), 100, false);
        String country = CustomerResources.text(body, in, "country", a.country(), 2, false);
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            in.error("country", "must be an ISO 3166 two-letter country code like DE");
        }
        in.rejectUnknown();
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Account updated = customers.updateAccount(id, version == null ? a.version() : version, name, website, industry,
                country == null ? null : country.toUpperCase(Locale.ROOT));
        return Response.ok(CustomerJson.account(updated)).tag(Preconditions.etag(updated.version())).build();
    }
}
