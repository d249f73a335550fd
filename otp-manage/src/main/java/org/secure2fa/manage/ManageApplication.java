package org.secure2fa.manage;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The management API, version 1, at {@code /api/v1}: projects and tokens as JSON, authenticated by
 * API tokens that MicroProfile JWT checks (signature, issuer, audience, expiry) before
 * {@link org.secure2fa.manage.platform.TokenFilter} checks them against the database. A web module of its
 * own, so that the public API at {@code /otp} never runs this machinery.
 */
@ApplicationPath("v1")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "secure2fa")
@DeclareRoles({"read", "write"})
public class ManageApplication extends Application {
}
