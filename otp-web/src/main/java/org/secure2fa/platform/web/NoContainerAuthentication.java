package org.secure2fa.platform.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.secure2fa.platform.control.UnauthenticatedModule;

/** The console signs people in itself, never through the container: see {@link UnauthenticatedModule}. */
@WebListener
public class NoContainerAuthentication implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        UnauthenticatedModule.removeFrom(event.getServletContext());
    }
}
