package org.secure2fa.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The public API. The module's context root is {@code /otp}, so resources answer at {@code /otp/…}. */
@ApplicationPath("/")
@ApplicationScoped
public class OtpApplication extends Application {
}
