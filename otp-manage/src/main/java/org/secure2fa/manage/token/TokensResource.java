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
import org.secure2fa.manage.platform.Caller;
import org.secure2fa.token.boundary.ApiTokenService;
import org.secure2fa.token.boundary.ApiTokenView;

/**
 * The calling account's API tokens: list and read (never the token itself), revoke. Tokens are made in
 * the console, where their owner signs in with a second factor.
 */
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

    @GET
    public List<ApiTokenView> list() {
        return tokens.list(caller.accountId());
    }

    @GET
    @Path("{id}")
    public ApiTokenView get(@PathParam("id") long id) {
        return tokens.get(caller.accountId(), id);
    }

    /** Revokes the token at once (this very token too, if it names itself); the answer shows when. */
    @DELETE
    @Path("{id}")
    public ApiTokenView revoke(@PathParam("id") long id) {
        return tokens.revoke(caller.accountId(), id, request.getRemoteAddr());
    }
}
