package org.secure2fa.manage.token;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.secure2fa.manage.ManageApplication;
import org.secure2fa.manage.platform.Caller;
import org.secure2fa.token.boundary.ApiTokenService;
import org.secure2fa.token.boundary.ApiTokenView;

/**
 * The calling account's API tokens: list and read (never the token itself), revoke. Tokens are made in
 * the console, where their owner signs in with a second factor.
 */
@Tag(name = "tokens", description = "The calling account's API tokens")
@SecurityRequirement(name = ManageApplication.TOKEN)
@APIResponse(responseCode = "400", ref = ManageApplication.BAD_REQUEST)
@APIResponse(responseCode = "401", ref = ManageApplication.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ManageApplication.FORBIDDEN)
@APIResponse(responseCode = "404", ref = ManageApplication.NOT_FOUND)
@Path("tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    ApiTokenService tokens;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @APIResponse(responseCode = "200", description = "The tokens, never the tokens themselves",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ApiTokenView.class)))
    @GET
    public List<ApiTokenView> list() {
        return tokens.list(caller.accountId());
    }

    @APIResponse(responseCode = "200", description = "The token's record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiTokenView.class)))
    @GET
    @Path("{id}")
    public ApiTokenView get(@PathParam("id") long id) {
        return tokens.get(caller.accountId(), id);
    }

    /** Revokes the token at once (this very token too, if it names itself); the answer shows when. */
    @APIResponse(responseCode = "200", description = "The token's record, with revokedAt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiTokenView.class)))
    @DELETE
    @Path("{id}")
    public ApiTokenView revoke(@PathParam("id") long id) {
        return tokens.revoke(caller.accountId(), id, request.getRemoteAddr());
    }
}
