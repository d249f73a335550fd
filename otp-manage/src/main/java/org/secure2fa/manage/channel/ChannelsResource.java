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
import org.secure2fa.delivery.boundary.ChannelService;
import org.secure2fa.delivery.boundary.ChannelView;
import org.secure2fa.delivery.boundary.ProviderInfo;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.manage.platform.Caller;
import org.secure2fa.manage.platform.EntityTagHeaders;

/**
 * Delivery channels, as the console's channel pages: the provider catalogue, list, create, read (with an
 * ETag), replace (If-Match), delete, and a test message. Secrets are write-only: an answer names the
 * secret settings that are set ({@code secretsSet}), never their values. Channels belong to the account,
 * not to a project, so changing one needs a token that reaches all projects.
 */
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

    @GET
    public List<ChannelView> list() {
        return channels.list(caller.accountId());
    }

    /** Every installed provider with its settings as it describes them; {@code type} narrows to EMAIL or SMS. */
    @GET
    @Path("providers")
    public List<ProviderInfo> providers(@QueryParam("type") ChannelType type) {
        return channels.providers(type);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull ChannelInput channel) {
        caller.requireAllProjects();
        ChannelView created = channels.create(caller.accountId(), channel.changes(), ip());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .tag(created.tag()).entity(created).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        ChannelView channel = channels.get(caller.accountId(), id);
        return Response.ok(channel).tag(channel.tag()).build();
    }

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

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        caller.requireAllProjects();
        channels.delete(caller.accountId(), id, ip());
        return Response.noContent().build();
    }

    /** Sends a test message through the channel now; the answer says what the provider said. */
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
