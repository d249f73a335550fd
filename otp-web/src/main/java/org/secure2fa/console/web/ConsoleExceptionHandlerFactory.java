package org.secure2fa.console.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a form post whose view state this session does not know (expired, or forged by another site)
 * into a fresh copy of the page with a notice, and any other failure into the plain error page: no
 * stack trace, and nothing was done.
 */
public class ConsoleExceptionHandlerFactory extends ExceptionHandlerFactory {

    private static final Logger LOG = Logger.getLogger(ConsoleExceptionHandlerFactory.class.getName());

    public ConsoleExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    /** The page's own parameters from a query string, without those of the form machinery (no redirect loop). */
    static String pageQuery(String query) {
        if (query == null) {
            return "";
        }
        return java.util.Arrays.stream(query.split("&"))
                .filter(part -> !part.isEmpty() && !part.startsWith("jakarta.faces.") && !part.startsWith("jakarta%2Efaces")
                        && !part.startsWith("primefaces."))
                .collect(java.util.stream.Collectors.joining("&"));
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            FacesContext context = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                Throwable failure = events.next().getContext().getException();
                events.remove();
                ExternalContext external = context.getExternalContext();
                try {
                    if (failure instanceof ViewExpiredException expired) {
                        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                                "This page had expired, so nothing was done. Please try again.", null));
                        external.getFlash().setKeepMessages(true);
                        String view = expired.getViewId() == null ? "/index.xhtml" : expired.getViewId();
                        String query = pageQuery(((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getQueryString());
                        external.redirect(external.getRequestContextPath() + view + (query.isEmpty() ? "" : "?" + query));
                    } else {
                        LOG.log(Level.WARNING, "A console page failed", failure);
                        if (!external.isResponseCommitted()) {
                            external.responseReset();
                            external.redirect(external.getRequestContextPath() + "/error.xhtml");
                        }
                    }
                } catch (IOException e) {
                    LOG.log(Level.FINE, "Could not answer after a failure", e);
                }
                context.responseComplete();
                return;
            }
            getWrapped().handle();
        }
    }
}
