package org.secure2fa.manage.project;

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
import org.secure2fa.project.boundary.IssuedKeys;
import org.secure2fa.project.boundary.ProjectService;
import org.secure2fa.project.boundary.ProjectView;

/**
 * Projects, as the console's project pages: list, create (the secret key in the answer, once), read (with
 * an ETag), replace the settings (If-Match), rotate the secret key, delete. Calls the same boundary as
 * the console, with the token's account, so ownership is checked by the same query.
 */
@Tag(name = "projects", description = "Projects and their keys")
@SecurityRequirement(name = ManageApplication.TOKEN)
@APIResponse(responseCode = "400", ref = ManageApplication.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ManageApplication.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ManageApplication.FORBIDDEN)
@APIResponse(responseCode = "404", ref = ManageApplication.NOT_FOUND)
@Path("projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    @Inject
    ProjectService projects;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @APIResponse(responseCode = "200", description = "The projects the token reaches",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ProjectView.class)))
    @GET
    public List<ProjectView> list() {
        return projects.list(caller.accountId()).stream().filter(p -> caller.reaches(p.id())).toList();
    }

    @APIResponse(responseCode = "201", description = "Created; the secret key is in this answer only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedSecret.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewProject project) {
        caller.requireAllProjects();
        IssuedKeys keys = projects.create(caller.accountId(), project.name(), ip());
        ProjectView created = projects.get(caller.accountId(), keys.projectId());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .tag(created.tag()).entity(new IssuedSecret(created, keys.secretKey())).build();
    }

    @APIResponse(responseCode = "200", description = "The project (never its secret), with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        ProjectView project = projects.get(caller.accountId(), caller.project(id));
        return Response.ok(project).tag(project.tag()).build();
    }

    /** Replaces the settings; with If-Match, only if the project is still as that ETag says (else 412). */
    @APIResponse(responseCode = "200", description = "The project as it is now, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "412", ref = ManageApplication.CHANGED)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull ProjectSettings settings) {
        ProjectView updated = projects.update(caller.accountId(), caller.project(id), settings.changes(), EntityTagHeaders.ifMatch(ifMatch),
                ip());
        return Response.ok(updated).tag(updated.tag()).build();
    }

    @APIResponse(responseCode = "204", description = "Deleted, with its codes and deliveries")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        projects.delete(caller.accountId(), caller.project(id), ip());
        return Response.noContent().build();
    }

    /** A new secret key, in the answer once; the old one still works for the grace period. */
    @APIResponse(responseCode = "200", description = "The new secret key, in this answer only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedSecret.class)))
    @POST
    @Path("{id}/secret-rotations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rotate(@PathParam("id") long id, @Valid @NotNull Rotation rotation) {
        IssuedKeys keys = projects.rotateForApi(caller.accountId(), caller.project(id), rotation.graceHours(), ip());
        ProjectView project = projects.get(caller.accountId(), id);
        return Response.ok(new IssuedSecret(project, keys.secretKey())).tag(project.tag()).build();
    }

    private String ip() {
        return request.getRemoteAddr();
    }
}
