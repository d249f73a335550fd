package org.secure2fa.console.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.secure2fa.account.boundary.AccountService;

/**
 * Everything under {@code /app/} needs a signed-in account that is still usable (an administrator may
 * disable it at any time; that takes effect on its next request). Others go to the sign-in page.
 */
@WebFilter(urlPatterns = "/app/*")
public class SignedInFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleSession session;

    @Inject
    AccountService accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession existing = request.getSession(false);
        if (existing == null || !session.isSignedIn()) {
            response.sendRedirect(request.getContextPath() + "/signin.xhtml");
            return;
        }
        if (!accounts.isUsable(session.getAccountId())) {
            existing.invalidate();
            response.sendRedirect(request.getContextPath() + "/signin.xhtml");
            return;
        }
        chain.doFilter(request, response);
    }
}
