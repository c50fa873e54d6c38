package org.leadline.server.timeline;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import org.leadline.api.page.PageInfo;
import org.leadline.api.problem.FieldError;
import org.leadline.server.platform.json.RecordJson;
import org.leadline.server.tenancy.Caller;

/**
 * One kind of thing kept on a lead (interaction, note, social post, stakeholder, competitor): its
 * representation (a record, which is also its documented schema) and how it is created and changed.
 * {@link LeadItems} applies the rules every kind shares (tenant and lead scoping, strict input,
 * versions, audit, timeline, paging) the same way.
 *
 * @param <E> the entity
 * @param <V> the representation: the record the API answers with and reads request bodies into (its
 *            read-only members are the server's), carrying the Bean Validation constraints of a body
 * @param <D> the client-writable data the entity takes
 */
public interface LeadItemKind<E extends LeadItem, V extends Record, D> {

    Class<E> type();

    /** The representation's record: the schema of the item's bodies and the type they are read into. */
    Class<V> bodyType();

    /** The name in messages, e.g. "Interaction". */
    String label();

    AuditSubject subject();

    /** The writable data of a body that passed its record's constraints. */
    D data(V body);

    /** Checks that need the database, after the data passed its constraints. */
    default void check(D data, EntityManager em, Caller caller, List<FieldError> errors) {
    }

    E create(String leadId, D data, String userId);

    void apply(EntityManager em, E item, D data, String userId);

    /** The client-writable part: what audit entries compare. */
    JsonObject writeData(E item);

    /** The full representation the API returns. */
    V view(E item);

    /** A page of the API's list of these items. */
    Record page(List<E> items, PageInfo page);

    /** The full representation as a JSON-P object, for merge patches and the timeline. */
    default JsonObject write(E item) {
        return RecordJson.toJson(view(item));
    }

    /** Refuses a change or deletion the caller may not make. */
    default void authorizeChange(E item, Caller caller) {
    }

    /** Removes what belongs to the item only (e.g. a note's history). */
    default void beforeDelete(EntityManager em, E item) {
    }

    /** The attribute lists sort by, newest first; null for creation order. */
    default String sortAttribute() {
        return null;
    }

    default Instant sortKey(E item) {
        return null;
    }

    /** The timeline kind, or null when this kind does not show on the timeline itself. */
    default TimelineKind timelineKind() {
        return null;
    }

    default Instant occurredAt(E item) {
        return null;
    }

    /** The employee the timeline attributes the item to. */
    default String actorId(E item) {
        return null;
    }
}
