package org.leadline.server.capture;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.UriBuilder;

import org.leadline.api.lead.LeadData;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.problem.ProblemException;
import org.leadline.server.platform.problem.ProblemType;
import org.leadline.server.tenancy.CurrentCaller;
import org.leadline.server.tenancy.TenantPersistence;

/** The tenant's duplicate policy applied to a lead about to be created. */
@ApplicationScoped
public class DuplicateCheck {

    @Inject
    DuplicateFinder finder;

    @Inject
    DuplicateGuard guard;

    @Inject
    TenantPersistence persistence;

    @Inject
    CurrentCaller caller;

    public DuplicatePolicy policy() {
        CaptureSettings s = persistence.em().find(CaptureSettings.class, caller.tenantId());
        return s == null ? CaptureSettings.DEFAULT_POLICY : s.duplicatePolicy();
    }

    /**
     * The likely duplicates of {@code data}. Under {@link DuplicatePolicy#REJECT} candidates refuse
     * the create with 409 listing them, unless {@code allowDuplicate}.
     *
     * <p>Runs in the transaction that creates the lead: a concurrent create of the same person waits
     * until this one has ended ({@link DuplicateGuard}), and then finds this lead.
     *
     * @param base the API's base URI, for the candidates' links
     */
    public List<DuplicateFinder.Candidate> check(LeadData data, boolean allowDuplicate, URI base) {
        return check(data, allowDuplicate ? Boolean.TRUE : null, base);
    }

    /**
     * As {@link #check(LeadData, boolean, URI)}, with the client's explicit choice: true stores the
     * lead whatever is found, false refuses a likely duplicate whatever the tenant's policy (a form
     * that asks before it stores), null leaves it to the tenant's policy.
     */
    public List<DuplicateFinder.Candidate> check(LeadData data, Boolean allowDuplicate, URI base) {
        // The keys once (a phone number's key is a parse), for the locks and the look-up.
        DuplicateRule.Person person = DuplicateRule.Person.of(DuplicateFinder.Probe.of(data));
        guard.lock(DuplicateFinder.Keys.of(person));
        List<DuplicateFinder.Candidate> candidates = finder.find(person);
        if (candidates.isEmpty()) {
            return candidates;
        }
        boolean refuse = allowDuplicate == null ? policy() == DuplicatePolicy.REJECT : !allowDuplicate;
        if (refuse) {
            throw new ProblemException(ProblemType.CONFLICT, candidates.size() == 1
                    ? "A lead that is likely the same person exists; send ?allowDuplicate=true to create it anyway"
                    : candidates.size() + " leads that are likely the same person exist; send ?allowDuplicate=true to create it anyway",
                    List.of(), Map.of("duplicates", json(candidates, base)), Map.of());
        }
        return candidates;
    }

    /** Candidates as the API shows them: id, name, company, link and the reasons they match. */
    public static JsonArray json(List<DuplicateFinder.Candidate> candidates, URI base) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (DuplicateFinder.Candidate c : candidates) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("id", c.lead().id())
                    .add("href", UriBuilder.fromUri(base).path("leads").path(c.lead().id()).build().toString())
                    .add("lastName", c.lead().lastName());
            if (c.lead().firstName() != null) {
                o.add("firstName", c.lead().firstName());
            }
            if (c.lead().companyName() != null) {
                o.add("companyName", c.lead().companyName());
            }
            if (c.lead().email() != null) {
                o.add("email", c.lead().email());
            }
            JsonArrayBuilder reasons = Json.createArrayBuilder();
            c.reasons().forEach(r -> reasons.add(r.name()));
            a.add(o.add("reasons", reasons));
        }
        return a.build();
    }

    /** The candidates as the lead's representation lists them. */
    public static List<org.leadline.api.lead.LeadView.DuplicateCandidate> candidates(
            List<DuplicateFinder.Candidate> candidates, URI base) {
        return candidates.stream().map(c -> new org.leadline.api.lead.LeadView.DuplicateCandidate(c.lead().id(),
                UriBuilder.fromUri(base).path("leads").path(c.lead().id()).build().toString(), c.lead().lastName(),
                c.lead().firstName(), c.lead().companyName(), c.lead().email(), c.reasons())).toList();
    }

    /** The human-readable warning that goes with candidates in a 201. */
    public static String warning(int count) {
        return count == 1 ? "1 lead that is likely the same person exists: see duplicates"
                : count + " leads that are likely the same person exist: see duplicates";
    }
}
