package org.leadline.server.timeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

import org.leadline.api.page.PageInfo;
import org.leadline.api.problem.FieldError;
import org.leadline.server.tenancy.Caller;

/** Social-network posts documented on a lead. */
@ApplicationScoped
public class SocialPostKind extends TimelineItemKind<SocialPost, SocialPostView, SocialPostData> {

    static final String AUTHOR = "must be LEAD or the id of a user of this tenant";

    @Override public Class<SocialPost> type() { return SocialPost.class; }
    @Override public String label() { return "Social post"; }
    @Override public AuditSubject subject() { return AuditSubject.SOCIAL_POST; }
    @Override public TimelineKind timelineKind() { return TimelineKind.SOCIAL_POST; }
    @Override public String sortAttribute() { return "postedAt"; }
    @Override public Instant sortKey(SocialPost p) { return p.postedAt(); }
    @Override public Instant occurredAt(SocialPost p) { return p.postedAt(); }
    /** A post by the lead belongs to no employee, so an employee filter leaves it out. */
    @Override public String actorId(SocialPost p) { return p.authorUserId(); }

    @Override public Class<SocialPostView> bodyType() { return SocialPostView.class; }

    @Override
    public SocialPostData data(SocialPostView body) {
        String author = SocialPostData.LEAD.equalsIgnoreCase(body.author()) ? SocialPostData.LEAD : body.author();
        return new SocialPostData(body.network(), author, body.url(), body.text(),
                body.postedAt() == null ? null : body.postedAt().truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public void check(SocialPostData data, EntityManager em, Caller caller, List<FieldError> errors) {
        if (data.url() == null && data.text() == null) {
            errors.add(new FieldError("text", "is required when there is no url"));
        }
        if (!SocialPostData.LEAD.equals(data.author())) {
            int before = errors.size();
            Employees.check(em, caller.tenantId(), "author", data.author(), errors);
            if (errors.size() > before) {
                errors.set(errors.size() - 1, new FieldError("author", AUTHOR));
            }
        }
    }

    @Override
    public SocialPost create(String leadId, SocialPostData data, String userId) {
        return SocialPost.create(leadId, data, userId);
    }

    @Override
    public void apply(EntityManager em, SocialPost item, SocialPostData data, String userId) {
        item.apply(data, userId);
    }

    @Override
    public JsonObject writeData(SocialPost p) {
        return JsonFields.of().with("network", p.network()).with("author", p.author()).with("url", p.url())
                .with("text", p.text()).with("postedAt", p.postedAt()).build();
    }

    @Override
    public SocialPostView view(SocialPost p) {
        return new SocialPostView(p.id(), p.leadId(), p.network(), p.author(), p.url(), p.text(), p.postedAt(),
                p.createdAt(), p.createdBy(), p.updatedAt(), p.updatedBy(), p.version());
    }

    @Override
    public SocialPostView.Page page(List<SocialPost> items, PageInfo page) {
        return new SocialPostView.Page(items.stream().map(this::view).toList(), page);
    }
}
