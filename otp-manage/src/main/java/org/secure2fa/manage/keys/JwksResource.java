package org.secure2fa.manage.keys;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.secure2fa.token.boundary.ApiTokenService;

/**
 * The public keys that verify API tokens, as a JSON Web Key Set, open to anyone: MP-JWT reads it here
 * ({@code mp.jwt.verify.publickey.location}), and so may any third party that checks our tokens. Cached
 * for a minute, so a new signing key reaches every verifier within about a minute.
 */
@Path("jwks")
@RequestScoped
public class JwksResource {

    static final String JWK_SET = "application/jwk-set+json";

    @Inject
    ApiTokenService tokens;

    @GET
    @Produces({JWK_SET, "application/json"})
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        return Response.ok(tokens.jwks()).cacheControl(cache).build();
    }
}
