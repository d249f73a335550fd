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
import org.secure2fa.audit.boundary.ActivityFilter;
import org.secure2fa.audit.boundary.ActivityService;
import org.secure2fa.audit.boundary.EventPage;
import org.secure2fa.manage.platform.Caller;

/**
 * A project's activity, as the console's activity page: its generate and verify events (filters, pages by
 * cursor) and the codes generated and verified per day with the conversion.
 */
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
    @GET
    @Path("daily")
    public List<DayCount> daily(@PathParam("id") long id,
                                @QueryParam("days") @DefaultValue("14") @Min(1) @Max(90) int days) {
        return activity.daily(caller.accountId(), caller.project(id), days).stream().map(DayCount::of).toList();
    }
}
