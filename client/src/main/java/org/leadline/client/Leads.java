package org.leadline.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;

import org.leadline.api.lead.LeadView;

/** The tenant's leads. */
public final class Leads {

    private final LeadlineClient client;

    Leads(LeadlineClient client) {
        this.client = client;
    }

    /** Creates a lead; a likely duplicate is refused (409) unless {@link #create(LeadView, String, boolean)} allows it. */
    public Versioned<LeadView> create(LeadView lead) {
        return create(lead, null, false);
    }

    /**
     * Creates a lead.
     *
     * @param idempotencyKey makes a retry safe: the same key answers with the first result (may be null)
     * @param allowDuplicate store it although likely duplicates exist (the answer lists them)
     */
    public Versioned<LeadView> create(LeadView lead, String idempotencyKey, boolean allowDuplicate) {
        WebTarget target = client.api().path("leads");
        if (allowDuplicate) {
            target = target.queryParam("allowDuplicate", "true");
        }
        var request = client.request(target);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return client.send(request.buildPost(client.json(lead)), LeadView.class);
    }

    /** Reads a lead with its rating, reasons and recommended actions. */
    public Versioned<LeadView> get(String id) {
        return client.send(client.request(client.api().path("leads").path(id)).buildGet(), LeadView.class);
    }

    /** Changes the members {@code patch} sends (a JSON merge patch: null removes a member). */
    public Versioned<LeadView> update(String id, String etag, JsonObject patch) {
        return client.send(client.request(client.api().path("leads").path(id)).header(HttpHeaders.IF_MATCH, etag)
                .build("PATCH", client.mergePatch(patch)), LeadView.class);
    }

    /** Replaces every writable member of the lead. */
    public Versioned<LeadView> replace(String id, String etag, LeadView lead) {
        return client.send(client.request(client.api().path("leads").path(id)).header(HttpHeaders.IF_MATCH, etag)
                .buildPut(client.json(lead)), LeadView.class);
    }

    /** Deletes the lead (it can be restored from the deleted leads for a while). */
    public void delete(String id, String etag) {
        client.send(client.request(client.api().path("leads").path(id)).header(HttpHeaders.IF_MATCH, etag)
                .buildDelete(), Void.class);
    }

    /** One page of leads matching {@code query}. */
    public LeadView.Page list(LeadQuery query) {
        return list(query, null);
    }

    /** The page after the one whose {@code page.nextCursor} is {@code cursor}. */
    public LeadView.Page list(LeadQuery query, String cursor) {
        WebTarget target = query.apply(client.api().path("leads"));
        if (cursor != null) {
            target = target.queryParam("cursor", cursor);
        }
        return client.send(client.request(target).buildGet(), LeadView.Page.class).value();
    }

    /** Every lead matching {@code query}, page by page as the stream is read. */
    public Stream<LeadView> stream(LeadQuery query) {
        Iterator<LeadView> leads = new Iterator<>() {
            private LeadView.Page page = list(query);
            private int next;

            @Override
            public boolean hasNext() {
                while (next >= page.items().size() && page.page().nextCursor() != null) {
                    page = list(query, page.page().nextCursor());
                    next = 0;
                }
                return next < page.items().size();
            }

            @Override
            public LeadView next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.items().get(next++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(leads, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
