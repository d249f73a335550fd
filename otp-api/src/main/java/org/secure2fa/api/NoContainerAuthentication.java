package org.secure2fa.api;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.secure2fa.platform.control.UnauthenticatedModule;

/** The public API authenticates by its own payload keys, never through the container: see {@link UnauthenticatedModule}. */
@WebListener
public class NoContainerAuthentication implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        UnauthenticatedModule.removeFrom(event.getServletContext());
    }
}
