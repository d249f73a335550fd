package org.secure2fa.console.faces;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.omnifaces.util.Servlets;
import org.secure2fa.account.boundary.SignInService;

/**
 * Everything under {@code /app/} needs a signed-in account that is still usable: an administrator may
 * disable it, and a password change ends the sessions signed in before it; either takes effect on the
 * next request. Others go to the sign-in page, which brings them back to the page they asked for (a
 * plain GET of a console page; see {@link ConsoleSession#requestedPage}) once they are signed in; an ajax
 * request is told so in the form it understands.
 */
@WebFilter(urlPatterns = "/app/*")
public class SignedInFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleSession session;

    @Inject
    SignInService signIns;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession existing = request.getSession(false);
        if (existing == null || !session.isSignedIn()) {
            remember(request);
            Servlets.facesRedirect(request, response, "signin.xhtml");
            return;
        }
        if (!signIns.isUsable(session.getAccountId(), session.getSignedInAt())) {
            existing.invalidate();
            Servlets.facesRedirect(request, response, "signin.xhtml");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The page a signed-out visitor asked for, when it is a page to come back to (a GET, not an ajax post). */
    private void remember(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader("Faces-Request") != null) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        String page = query == null ? path : path + "?" + query;
        if (ConsoleSession.isConsolePage(page)) {
            session.requestedPage(page);
        }
    }
}
