package org.secure2fa.platform.control;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigFactory.RegistrationContext;
import jakarta.servlet.ServletContext;
import java.util.logging.Logger;

/**
 * Keeps a web module free of the management API's authentication. Payara installs MP-JWT's mechanism as
 * a bean of the whole application, so once otp-manage asks for it, Jakarta Security registers its
 * authentication module (JASPIC, layer {@code HttpServlet}) for every web module of the EAR: the public
 * API and the console then run a JWT check on each request (measured: the no-op at a third of its
 * speed) and answer 401 to any request with a bearer token they never asked for. The public API and the
 * console authenticate nobody through the container, so they remove that registration for themselves at
 * start-up, through the standard Jakarta Authentication API; where none was made (WildFly) nothing changes.
 */
public final class UnauthenticatedModule {

    private static final Logger LOG = Logger.getLogger(UnauthenticatedModule.class.getName());
    private static final String HTTP_SERVLET = "HttpServlet";

    private UnauthenticatedModule() {
    }

    /** Removes every HttpServlet authentication module registered for this web module; how many. */
    public static int removeFrom(ServletContext context) {
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        if (factory == null) {
            return 0;
        }
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        int removed = 0;
        for (String id : factory.getRegistrationIDs(null)) {
            RegistrationContext registration = factory.getRegistrationContext(id);
            if (registration != null && HTTP_SERVLET.equals(registration.getMessageLayer())
                    && appContext.equals(registration.getAppContext()) && factory.removeRegistration(id)) {
                removed++;
            }
        }
        if (removed > 0) {
            LOG.info(() -> "No container authentication for " + appContext + " (it authenticates nobody itself)");
        }
        return removed;
    }
}
