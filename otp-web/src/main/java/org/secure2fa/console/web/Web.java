package org.secure2fa.console.web;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.secure2fa.platform.boundary.BusinessException;
import org.secure2fa.platform.boundary.InvalidInputException;
import org.secure2fa.platform.boundary.UnavailableException;

/** Small helpers the console's beans share: messages, the caller's address, redirects. */
final class Web {

    private static final Logger LOG = Logger.getLogger(Web.class.getName());

    private Web() {
    }

    static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    /** The caller's address as the server saw it (no proxy headers are trusted). */
    static String ip() {
        return request().getRemoteAddr();
    }

    /**
     * The console's public address for emailed links: {@code otp.console.public-url}. Without it, only a
     * request to a loopback address (local use) gives the address; anything else could be a forged Host
     * header that would send someone's link, with its token, to another site.
     */
    static String consoleUrl() {
        String configured = ConfigProvider.getConfig().getOptionalValue("otp.console.public-url", String.class)
                .filter(s -> !s.isBlank()).orElse(null);
        if (configured != null) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String name = request().getServerName();
        if (!("localhost".equals(name) || "127.0.0.1".equals(name) || "[::1]".equals(name) || "::1".equals(name))) {
            throw new UnavailableException("This server cannot send links yet: its administrator must set "
                    + "OTP_CONSOLE_PUBLIC_URL (the console's public address).");
        }
        return requestBase() + request().getContextPath();
    }

    /** Scheme, host and port of this request, as the browser addressed the server. */
    static String requestBase() {
        HttpServletRequest r = request();
        String scheme = r.getScheme();
        int port = r.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + r.getServerName() + (defaultPort ? "" : ":" + port);
    }

    static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    /** A message next to the input whose id is {@code field}, or at the top when there is none. */
    static void error(String field, String message) {
        FacesContext context = FacesContext.getCurrentInstance();
        AtomicReference<String> clientId = new AtomicReference<>();
        if (field != null && context.getViewRoot() != null) {
            context.getViewRoot().visitTree(VisitContext.createVisitContext(context), (visit, component) -> {
                if (component instanceof UIInput && field.equals(component.getId())) {
                    clientId.set(component.getClientId(visit.getFacesContext()));
                    return VisitResult.COMPLETE;
                }
                return VisitResult.ACCEPT;
            });
        }
        context.addMessage(clientId.get(), new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        context.validationFailed();
    }

    /**
     * Runs a console action; its refusal (a {@link BusinessException}) becomes a message, next to the field
     * at fault when there is one; any other failure a generic one (logged).
     */
    static <T> T attempt(Supplier<T> action) {
        try {
            return action.get();
        } catch (BusinessException e) {
            error(e instanceof InvalidInputException invalid ? invalid.getField() : null, e.getMessage());
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "A console action failed", e);
            error("That did not work. Nothing was changed; please try again.");
        }
        return null;
    }

    /**
     * {@link #attempt} for an action that needs a fresh TOTP code and answers empty when the code is
     * wrong or already used: that answer becomes a message on {@code codeField}. Null unless it worked.
     */
    static <T> T withFreshCode(String codeField, Supplier<Optional<T>> action) {
        Optional<T> result = attempt(action);
        if (result == null) {
            return null;
        }
        if (result.isEmpty()) {
            error(codeField, "That code is not right, or was already used. Wait for the next code.");
            return null;
        }
        return result.get();
    }

    static boolean attempt(Runnable action) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
    }

    static void redirect(String path) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().responseComplete();
    }

    /** Keeps messages across a redirect. */
    static void keepMessages() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}
