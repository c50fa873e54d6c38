package org.leadline.server.platform;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.leadline.api.lead.LeadScoring;
import org.leadline.api.process.LeadProcessView;
import org.leadline.api.timeline.InteractionView;
import org.leadline.server.capture.CaptureSettingsResource;
import org.leadline.server.capture.IntakeResource;
import org.leadline.server.capture.LeadDuplicatesResource;
import org.leadline.server.capture.MailboxResource;
import org.leadline.server.capture.webform.PublicFormCors;
import org.leadline.server.capture.webform.PublicWebFormResource;
import org.leadline.server.capture.webform.WebFormResource;
import org.leadline.server.conversion.AccountResource;
import org.leadline.server.conversion.ContactResource;
import org.leadline.server.conversion.DeletedLeadResource;
import org.leadline.server.conversion.DisqualificationReasonResource;
import org.leadline.server.conversion.DisqualifyResource;
import org.leadline.server.conversion.EraseResource;
import org.leadline.server.conversion.LeadDisqualificationResource;
import org.leadline.server.conversion.OpportunityResource;
import org.leadline.server.conversion.QualifyResource;
import org.leadline.server.conversion.ReopenResource;
import org.leadline.server.imports.ImportResource;
import org.leadline.server.lead.LeadExportResource;
import org.leadline.server.lead.LeadStatisticsResource;
import org.leadline.server.lead.LeadMergedMapper;
import org.leadline.server.lead.LeadResource;
import org.leadline.server.merge.MergeEntryView;
import org.leadline.server.merge.MergeResource;
import org.leadline.server.party.CompetitorResource;
import org.leadline.server.party.StakeholderResource;
import org.leadline.server.platform.json.DocumentBodyReader;
import org.leadline.server.platform.json.JsonBodyReader;
import org.leadline.server.platform.openapi.ApiDocument;
import org.leadline.server.platform.json.RecordBodyReader;
import org.leadline.server.platform.json.RequiredBody;
import org.leadline.server.platform.problem.ProblemMapper;
import org.leadline.server.platform.web.BodySizeLimit;
import org.leadline.server.platform.web.RecordBodyWriter;
import org.leadline.server.platform.web.StatementCountHeader;
import org.leadline.server.platform.web.UnknownQueryParameters;
import org.leadline.server.plugins.ExtensionResource;
import org.leadline.server.plugins.PluginAdminResource;
import org.leadline.server.process.LeadProcessResource;
import org.leadline.server.process.ProcessChoiceResource;
import org.leadline.server.qualification.QualificationResource;
import org.leadline.server.qualification.RatingChangeView;
import org.leadline.server.qualification.RecommendationResource;
import org.leadline.server.tenancy.ApiTokenResource;
import org.leadline.server.tenancy.AuthResource;
import org.leadline.server.tenancy.ColleagueResource;
import org.leadline.server.tenancy.RoleCheck;
import org.leadline.server.tenancy.TenantResource;
import org.leadline.server.tenancy.UserResource;
import org.leadline.server.timeline.AuditEntryView;
import org.leadline.server.timeline.AuditResource;
import org.leadline.server.timeline.InteractionResource;
import org.leadline.server.timeline.NoteResource;
import org.leadline.server.timeline.NoteView;
import org.leadline.server.timeline.SocialPostResource;
import org.leadline.server.timeline.SocialPostView;
import org.leadline.server.timeline.TimelineEntryView;
import org.leadline.server.timeline.TimelineResource;

/**
 * The REST API, version 1. Its resources and providers are listed here, not found by scanning:
 * this list is what the server answers and what the OpenAPI document ({@code /openapi})
 * describes, so the two cannot differ.
 */
@ApplicationPath(LeadlineApplication.PATH)
public class LeadlineApplication extends Application {

    public static final String PATH = "/api/v1";

    /** Every resource class of the API. */
    public static final List<Class<?>> RESOURCES = List.of(
            CaptureSettingsResource.class,
            IntakeResource.class,
            MailboxResource.class,
            PublicWebFormResource.class,
            WebFormResource.class,
            AccountResource.class,
            ContactResource.class,
            DeletedLeadResource.class,
            DisqualificationReasonResource.class,
            DisqualifyResource.class,
            EraseResource.class,
            LeadDisqualificationResource.class,
            OpportunityResource.class,
            QualifyResource.class,
            ReopenResource.class,
            ImportResource.class,
            LeadExportResource.class,
            LeadStatisticsResource.class,
            LeadResource.class,
            MergeResource.class,
            LeadDuplicatesResource.class,
            ColleagueResource.class,
            CompetitorResource.class,
            StakeholderResource.class,
            ExtensionResource.class,
            PluginAdminResource.class,
            LeadProcessResource.class,
            ProcessChoiceResource.class,
            QualificationResource.class,
            RecommendationResource.class,
            ApiTokenResource.class,
            AuthResource.class,
            TenantResource.class,
            UserResource.class,
            AuditResource.class,
            InteractionResource.class,
            NoteResource.class,
            SocialPostResource.class,
            TimelineResource.class);

    /** Values of several record types the document names (members declared {@code @Schema(ref = name)}). */
    public static final List<ApiDocument.Union> UNIONS = List.of(
            new ApiDocument.Union(TimelineEntryView.ITEM, "A timeline entry's item, as its own resource shows it; "
                    + "the entry's kind says which", List.of(
                    InteractionView.class, NoteView.class, SocialPostView.class, AuditEntryView.class,
                    LeadProcessView.StageChangeView.class, RatingChangeView.class, MergeEntryView.class,
                    LeadScoring.Decision.class)));

    /** Filters, body readers and exception mappers. */
    public static final List<Class<?>> PROVIDERS = List.of(
            PublicFormCors.class,
            LeadMergedMapper.class,
            JsonBodyReader.class,
            RecordBodyReader.class,
            DocumentBodyReader.class,
            RequiredBody.class,
            ProblemMapper.class,
            BodySizeLimit.class,
            StatementCountHeader.class,
            RecordBodyWriter.class,
            UnknownQueryParameters.class,
            RoleCheck.class);

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new java.util.LinkedHashSet<>(RESOURCES);
        classes.addAll(PROVIDERS);
        return classes;
    }
}
