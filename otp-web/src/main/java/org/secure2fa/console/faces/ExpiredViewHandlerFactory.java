package org.secure2fa.console.faces;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.FacesContext;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.omnifaces.exceptionhandler.ViewExpiredExceptionHandler;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * OmniFaces' {@link ViewExpiredExceptionHandler} (a post whose view state this session does not know,
 * expired or forged by another site, shows the same page again), with two changes: a notice that nothing
 * was done, and the fresh page's address without the form machinery's parameters. OmniFaces keeps the
 * whole query string, so an address carrying {@code jakarta.faces.ViewState} would redirect to itself
 * for ever.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {

    public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ViewExpiredExceptionHandler(getWrapped().getExceptionHandler()) {
            @Override
            protected void handleSuppressedException(FacesContext context, Throwable expired) {
                Messages.addFlashGlobalWarn("bean.page.expired");
                String query = pageQuery(Faces.getRequestQueryString());
                Faces.redirect(Faces.getRequestURI() + (query.isEmpty() ? "" : "?" + query));
            }
        };
    }

    /** The page's own parameters from a query string, without those of the form machinery. */
    static String pageQuery(String query) {
        if (query == null) {
            return "";
        }
        return Arrays.stream(query.split("&"))
                .filter(part -> !part.isEmpty() && !part.startsWith("jakarta.faces.") && !part.startsWith("jakarta%2Efaces")
                        && !part.startsWith("primefaces."))
                .collect(Collectors.joining("&"));
    }
}
