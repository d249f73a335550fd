package org.secure2fa.console.faces;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every console response. The Content-Security-Policy of pages comes from
 * PrimeFaces (with a fresh script nonce per page; see {@code primefaces.CSP_POLICY} in web.xml);
 * other responses get a policy that allows nothing to run or frame them (only the console's own style
 * sheet and icon, for the error pages).
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // No Referer: the emailed links carry their token in the address.
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        boolean page = request.getRequestURI().endsWith(".xhtml") || request.getRequestURI().endsWith("/");
        if (page) {
            response.setHeader("Cache-Control", "no-store");
        } else {
            // no script, no frame; the error pages may use the console's style sheet and icon
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
                    + "frame-ancestors 'none'");
        }
        chain.doFilter(request, response);
    }
}
