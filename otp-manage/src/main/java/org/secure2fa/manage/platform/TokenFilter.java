package org.secure2fa.manage.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.secure2fa.audit.control.ApiCaller;
import org.secure2fa.token.boundary.ApiTokenService;
import org.secure2fa.token.boundary.TokenGrant;

/**
 * Every call but the public documents needs a token that MP-JWT accepted (signature, issuer, audience,
 * expiry) and that the database still knows (not revoked, not expired, its account usable); a change
 * needs a read-write token. The answers tell an attacker nothing: any token that is not good now is the
 * same 401, whatever is wrong with it.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class TokenFilter implements ContainerRequestFilter {

    static final Set<String> PUBLIC = Set.of("jwks", "openapi", "openapi.yaml");
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    ApiTokenService tokens;

    @Inject
    Caller caller;

    @Inject
    ApiCaller apiCaller;

    @Override
    public void filter(ContainerRequestContext request) {
        if (PUBLIC.contains(request.getUriInfo().getPath().replaceAll("^/|/$", ""))) {
            return;
        }
        Optional<TokenGrant> grant = grant(request.getSecurityContext().getUserPrincipal());
        if (grant.isEmpty()) {
            request.abortWith(Response.fromResponse(Problem.response(401, "Unauthorized",
                    "A valid API token is required: Authorization: Bearer <token>. Tokens are made in the console."))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"secure2fa\"").build());
            return;
        }
        if (!grant.get().writes() && !READS.contains(request.getMethod())) {
            request.abortWith(Problem.response(403, "Forbidden", "This token is read-only."));
            return;
        }
        caller.grant(grant.get());
        apiCaller.tokenId(grant.get().tokenId());
    }

    private Optional<TokenGrant> grant(Principal principal) {
        if (!(principal instanceof JsonWebToken jwt) || jwt.getSubject() == null || jwt.getTokenID() == null) {
            return Optional.empty();
        }
        try {
            return tokens.check(Long.parseLong(jwt.getSubject()), Long.parseLong(jwt.getTokenID()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
