package org.secure2fa.manage.template;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.secure2fa.manage.ManageApplication;
import org.secure2fa.manage.platform.Caller;
import org.secure2fa.manage.platform.EntityTagHeaders;
import org.secure2fa.template.boundary.TemplateService;
import org.secure2fa.template.boundary.TemplateView;
import org.secure2fa.template.control.RenderedMessage;

/**
 * Message templates and their language versions, as the console's template page: list, create, read
 * (with an ETag), replace (If-Match), delete, and a preview of the message a code would get. Templates
 * belong to the account, so changing one needs a token that reaches all projects.
 */
@Tag(name = "templates", description = "Message templates and their language versions")
@SecurityRequirement(name = ManageApplication.TOKEN)
@APIResponse(responseCode = "400", ref = ManageApplication.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ManageApplication.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ManageApplication.FORBIDDEN)
@APIResponse(responseCode = "404", ref = ManageApplication.NOT_FOUND)
@Path("templates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesResource {

    @Inject
    TemplateService templates;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @APIResponse(responseCode = "200", description = "The account's templates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TemplateView.class)))
    @GET
    public List<TemplateView> list() {
        return templates.list(caller.accountId());
    }

    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull TemplateInput template) {
        caller.requireAllProjects();
        TemplateView created = templates.create(caller.accountId(), template.name(), template.views(), ip());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .tag(created.tag()).entity(created).build();
    }

    @APIResponse(responseCode = "200", description = "The template, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        TemplateView template = templates.get(caller.accountId(), id);
        return Response.ok(template).tag(template.tag()).build();
    }

    @APIResponse(responseCode = "200", description = "The template as it is now, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "412", ref = ManageApplication.CHANGED)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull TemplateInput template) {
        caller.requireAllProjects();
        TemplateView updated = templates.update(caller.accountId(), id, template.name(), template.views(),
                EntityTagHeaders.ifMatch(ifMatch), ip());
        return Response.ok(updated).tag(updated.tag()).build();
    }

    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        caller.requireAllProjects();
        templates.delete(caller.accountId(), id, ip());
        return Response.noContent().build();
    }

    /**
     * The message for {@code lang} (else the first version's, as a generate picks it) with {@code code} in
     * place of {@code {{OTP_CODE}}}.
     */
    @APIResponse(responseCode = "200", description = "The message as a code would get it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RenderedMessage.class)))
    @GET
    @Path("{id}/preview")
    public RenderedMessage preview(@PathParam("id") long id, @QueryParam("lang") String lang,
                                   @QueryParam("code") @DefaultValue("123456") @Pattern(regexp = "\\d{4,10}") String code) {
        return templates.preview(caller.accountId(), id, lang, code);
    }

    private String ip() {
        return request.getRemoteAddr();
    }
}
