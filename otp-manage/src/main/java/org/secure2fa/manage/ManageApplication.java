package org.secure2fa.manage;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.secure2fa.manage.platform.Problem;

/**
 * The management API, version 1, at {@code /api/v1}: projects and tokens as JSON, authenticated by
 * API tokens that MicroProfile JWT checks (signature, issuer, audience, expiry) before
 * {@link org.secure2fa.manage.platform.TokenFilter} checks them against the database. A web module of its
 * own, so that the public API at {@code /otp} never runs this machinery.
 */
@OpenAPIDefinition(info = @Info(title = "Secure 2FA management API", version = "1",
        description = "Projects, channels, templates, activity and API tokens of a Secure 2FA account. Every call but "
                + "/v1/jwks and /v1/openapi needs an API token made in the console (Account, Manage API tokens), sent as "
                + "Authorization: Bearer <token>. Errors are application/problem+json (RFC 9457)."),
        components = @Components(responses = {
                @APIResponse(name = ManageApplication.BAD_REQUEST, description = "The request is not valid; the field at fault is named",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ManageApplication.UNAUTHORIZED, description = "No token, or a token that is not good now",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ManageApplication.FORBIDDEN,
                        description = "A read token on a change, or a token for chosen projects on an account-wide change",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ManageApplication.NOT_FOUND, description = "No such object for this token's account and projects",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ManageApplication.CHANGED,
                        description = "The object changed since the If-Match ETag was read; nothing was changed",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))}))
@SecurityScheme(securitySchemeName = ManageApplication.TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An API token made in the console (an ES256 JWT; keys at /api/v1/jwks)")
@ApplicationPath("v1")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "secure2fa")
@DeclareRoles({"read", "write"})
public class ManageApplication extends Application {

    /** The OpenAPI name of the bearer-token scheme every protected resource requires. */
    public static final String TOKEN = "token";
    /** The problem answers every resource may give, defined once in the OpenAPI document's components. */
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CHANGED = "PreconditionFailed";
}
