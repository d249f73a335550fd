package org.secure2fa.manage;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The management API, version 1, at {@code /api/v1}: projects and tokens as JSON, authenticated by
 * API tokens that MicroProfile JWT checks (signature, issuer, audience, expiry) before
 * {@link org.secure2fa.manage.platform.TokenFilter} checks them against the database. A web module of its
 * own, so that the public API at {@code /otp} never runs this machinery.
 */
@OpenAPIDefinition(info = @Info(title = "Secure 2FA management API", version = "1",
        description = "Projects, channels, templates, activity and API tokens of a Secure 2FA account. Every call but "
                + "/v1/jwks and /v1/openapi needs an API token made in the console (Account, Manage API tokens), sent as "
                + "Authorization: Bearer <token>. Errors are application/problem+json (RFC 9457)."))
@SecurityScheme(securitySchemeName = ManageApplication.TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An API token made in the console (an ES256 JWT; keys at /api/v1/jwks)")
@ApplicationPath("v1")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "secure2fa")
@DeclareRoles({"read", "write"})
public class ManageApplication extends Application {

    /** The OpenAPI name of the bearer-token scheme every protected resource requires. */
    public static final String TOKEN = "token";
}
