package org.leadline.server.lead;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.leadline.api.lead.LeadData;
import org.leadline.api.lead.LeadData.Address;
import org.leadline.api.lead.LeadData.Company;
import org.leadline.api.lead.LeadData.Money;
import org.leadline.api.lead.LeadData.Person;
import org.leadline.api.lead.LeadData.Qualification;
import org.leadline.api.lead.LeadView;
import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.json.Json;
import org.leadline.server.platform.json.JsonInput;
import org.leadline.server.platform.json.RecordInput;

/**
 * The lead's JSON form, both ways. Reading is strict: unknown fields and type errors are listed;
 * fields the server owns may be sent back unchanged (so a read-modify-write round trip works) but
 * never with a new value.
 */
public final class LeadJson {

    /** Fields the server owns; clients cannot set them. */
    static final Set<String> SERVER_OWNED = Set.of(
            "id", "status", "rating", "score", "stage", "createdAt", "createdBy", "updatedAt", "updatedBy", "version");

    /**
     * Members other features add to a single lead ({@link LeadDetails}); derived, so ignored on
     * input, letting a client send back what it read.
     */
    static final Set<String> DETAILS = Set.of("scoring", "duplicates", "warnings", "conversion");

    private LeadJson() {
    }

    /**
     * Reads a full lead document.
     *
     * @param current the lead's current representation, or an empty object for a new lead
     */
    static LeadData read(JsonObject body, JsonObject current, List<FieldError> errors) {
        JsonInput in = new JsonInput(body, "", errors);
        LeadView v = RecordInput.read(in, LeadView.class, (key, sent) -> {
            if (SERVER_OWNED.contains(key) && sent != JsonValue.NULL && !Objects.equals(sent, current.get(key))) {
                in.error(key, "is set by the server and cannot be written");
            }
        });
        return v.data();
    }

    /** The full representation the API returns. Absent values are left out. */
    public static JsonObject write(Lead lead) {
        LeadData d = lead.data();
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", lead.id());
        writeData(d).forEach(b::add);
        b.add("status", lead.status().name());
        if (lead.rating() != null) {
            b.add("rating", lead.rating().name());
        }
        if (lead.score() != null) {
            b.add("score", lead.score());
        }
        if (lead.stage() != null) {
            b.add("stage", lead.stage());
        }
        return b.add("createdAt", lead.createdAt().toString())
                .add("createdBy", lead.createdBy())
                .add("updatedAt", lead.updatedAt().toString())
                .add("updatedBy", lead.updatedBy())
                .add("version", lead.version())
                .build();
    }

    /** The client-writable part only: the document a merge patch applies to. */
    public static JsonObject writeData(LeadData d) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        Person p = d.person();
        b.add("person", obj()
                .with("salutation", p.salutation()).with("firstName", p.firstName()).with("lastName", p.lastName())
                .with("jobTitle", p.jobTitle()).with("email", p.email())
                .with("businessPhone", p.businessPhone()).with("mobilePhone", p.mobilePhone())
                .with("preferredContactMethod", p.preferredContactMethod()).with("language", p.language()).build());
        Company c = d.company();
        if (c != null) {
            Address a = c.address();
            JsonObject address = a == null ? null : obj().with("street", a.street()).with("postalCode", a.postalCode())
                    .with("city", a.city()).with("region", a.region()).with("country", a.country()).build();
            JsonObject company = obj().with("name", c.name()).with("website", c.website())
                    .with("industry", c.industry()).with("employees", c.employees())
                    .with("annualRevenue", money(c.annualRevenue()))
                    .with("address", address == null || address.isEmpty() ? null : address).build();
            if (!company.isEmpty()) {
                b.add("company", company);
            }
        }
        b.add("origin", obj().with("source", d.origin().source()).with("detail", d.origin().detail()).build());
        Qualification q = d.qualification();
        if (q != null) {
            JsonObject qualification = obj().with("budget", money(q.budget())).with("need", q.need())
                    .with("purchaseTimeframe", q.purchaseTimeframe()).with("decisionMaker", q.decisionMaker())
                    .with("decisionMakerName", q.decisionMakerName()).with("purchaseProcess", q.purchaseProcess())
                    .with("purchaseProcessNotes", q.purchaseProcessNotes()).build();
            if (!qualification.isEmpty()) {
                b.add("qualification", qualification);
            }
        }
        JsonObject rest = obj().with("topic", d.topic()).with("description", d.description())
                .with("ownerId", d.ownerId()).build();
        rest.forEach(b::add);
        return b.build();
    }

    private static JsonObject money(Money m) {
        return m == null ? null : obj().with("amount", m.amount()).with("currency", m.currency()).build();
    }

    private static Obj obj() {
        return new Obj();
    }

    /** A builder that leaves out nulls. */
    private static final class Obj {
        private final JsonObjectBuilder b = Json.createObjectBuilder();

        Obj with(String key, Object value) {
            if (value == null) {
                return this;
            }
            if (value instanceof String s) {
                b.add(key, s);
            } else if (value instanceof Enum<?> e) {
                b.add(key, e.name());
            } else if (value instanceof Integer i) {
                b.add(key, i);
            } else if (value instanceof BigDecimal d) {
                b.add(key, d);
            } else if (value instanceof Boolean bool) {
                b.add(key, bool);
            } else if (value instanceof JsonValue v) {
                b.add(key, v);
            } else {
                b.add(key, value.toString());
            }
            return this;
        }

        JsonObject build() {
            return b.build();
        }
    }
}
