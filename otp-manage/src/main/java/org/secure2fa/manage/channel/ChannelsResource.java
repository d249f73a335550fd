package org.secure2fa.manage.channel;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secure2fa.delivery.boundary.ChannelService;
import org.secure2fa.delivery.boundary.ChannelView;
import org.secure2fa.delivery.boundary.ProviderInfo;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.manage.ManageApplication;
import org.secure2fa.manage.platform.Caller;
import org.secure2fa.manage.platform.EntityTagHeaders;

/**
 * Delivery channels, as the console's channel pages: the provider catalogue, list, create, read (with an
 * ETag), replace (If-Match), delete, and a test message. Secrets are write-only: an answer names the
 * secret settings that are set ({@code secretsSet}), never their values. Channels belong to the account,
 * not to a project, so changing one needs a token that reaches all projects.
 */
@Tag(name = "channels", description = "Delivery channels and the provider catalogue")
@SecurityRequirement(name = ManageApplication.TOKEN)
@APIResponse(responseCode = "400", ref = ManageApplication.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ManageApplication.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ManageApplication.FORBIDDEN)
@APIResponse(responseCode = "404", ref = ManageApplication.NOT_FOUND)
@Path("channels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChannelsResource {

    @Inject
    ChannelService channels;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @APIResponse(responseCode = "200", description = "The account's channels",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ChannelView.class)))
    @GET
    public List<ChannelView> list() {
        return channels.list(caller.accountId());
    }

    /** Every installed provider with its settings as it describes them; {@code type} narrows to EMAIL or SMS. */
    @APIResponse(responseCode = "200", description = "The providers and their settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ProviderInfo.class)))
    @GET
    @Path("providers")
    public List<ProviderInfo> providers(@QueryParam("type") ChannelType type) {
        return channels.providers(type);
    }

    @APIResponse(responseCode = "201", description = "Created (secrets are never answered)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull ChannelInput channel) {
        caller.requireAllProjects();
        ChannelView created = channels.create(caller.accountId(), channel.changes(), ip());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .tag(created.tag()).entity(created).build();
    }

    @APIResponse(responseCode = "200", description = "The channel, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        ChannelView channel = channels.get(caller.accountId(), id);
        return Response.ok(channel).tag(channel.tag()).build();
    }

    @APIResponse(responseCode = "200", description = "The channel as it is now, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "412", ref = ManageApplication.CHANGED)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ChannelInput channel) {
        caller.requireAllProjects();
        ChannelView updated = channels.update(caller.accountId(), id, channel.changes(), EntityTagHeaders.ifMatch(ifMatch),
                ip());
        return Response.ok(updated).tag(updated.tag()).build();
    }

    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        caller.requireAllProjects();
        channels.delete(caller.accountId(), id, ip());
        return Response.noContent().build();
    }

    /** Sends a test message through the channel now; the answer says what the provider said. */
    @APIResponse(responseCode = "200", description = "What the provider said",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TestResult.class)))
    @POST
    @Path("{id}/test")
    @Consumes(MediaType.APPLICATION_JSON)
    public TestResult test(@PathParam("id") long id, @Valid @NotNull TestSend test) {
        return new TestResult(channels.sendTest(caller.accountId(), id, test.recipient(), ip()));
    }

    private String ip() {
        return request.getRemoteAddr();
    }
}
