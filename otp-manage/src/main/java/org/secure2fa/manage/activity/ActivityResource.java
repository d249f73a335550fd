package org.secure2fa.manage.activity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secure2fa.audit.boundary.ActivityFilter;
import org.secure2fa.audit.boundary.ActivityService;
import org.secure2fa.audit.boundary.EventPage;
import org.secure2fa.manage.ManageApplication;
import org.secure2fa.manage.platform.Caller;

/**
 * A project's activity, as the console's activity page: its generate and verify events (filters, pages by
 * cursor) and the codes generated and verified per day with the conversion.
 */
@Tag(name = "activity", description = "A project's events and daily counts")
@SecurityRequirement(name = ManageApplication.TOKEN)
@APIResponse(responseCode = "400", ref = ManageApplication.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ManageApplication.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ManageApplication.FORBIDDEN)
@APIResponse(responseCode = "404", ref = ManageApplication.NOT_FOUND)
@Path("projects/{id}/activity")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @Inject
    ActivityService activity;

    @Inject
    Caller caller;

    /**
     * Events newest first: {@code kind} GENERATE or VERIFY, {@code outcome} such as SENT, VERIFIED or
     * REJECTED, {@code recipient} a part of the masked recipient; {@code limit} per page (1–200); the
     * answer's {@code next}, passed as {@code cursor}, gives the next page.
     */
    @APIResponse(responseCode = "200", description = "One page of events and the next page's cursor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)))
    @GET
    @Path("events")
    public EventPage events(@PathParam("id") long id, @QueryParam("kind") String kind,
                            @QueryParam("outcome") String outcome, @QueryParam("recipient") String recipient,
                            @QueryParam("cursor") String cursor,
                            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return activity.eventPage(caller.accountId(), caller.project(id), new ActivityFilter(kind, outcome, recipient),
                cursor, limit);
    }

    /** The last {@code days} days (1–90), oldest first, days without codes included. */
    @APIResponse(responseCode = "200", description = "One entry per day, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = DayCount.class)))
    @GET
    @Path("daily")
    public List<DayCount> daily(@PathParam("id") long id,
                                @QueryParam("days") @DefaultValue("14") @Min(1) @Max(90) int days) {
        return activity.daily(caller.accountId(), caller.project(id), days).stream().map(DayCount::of).toList();
    }
}
