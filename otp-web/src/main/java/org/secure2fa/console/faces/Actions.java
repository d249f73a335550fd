package org.secure2fa.console.faces;

import jakarta.ejb.EJBException;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.visit.VisitResult;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.omnifaces.util.Components;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.secure2fa.platform.boundary.BusinessException;
import org.secure2fa.platform.boundary.InvalidInputException;
import org.secure2fa.platform.boundary.UnavailableException;

/**
 * How the console's beans call a boundary: a refusal ({@link BusinessException}) becomes a message next to
 * the field at fault; anything else a generic message, logged. Messages and redirects themselves are
 * OmniFaces' ({@link Messages}, {@link Faces}), their texts keys of the console's bundle ({@link Texts}).
 */
public final class Actions {

    private static final Logger LOG = Logger.getLogger(Actions.class.getName());

    private Actions() {
    }

    /**
     * The caller's address as the server saw it. Not OmniFaces' {@code Faces.getRemoteAddr()}, which
     * believes {@code X-Forwarded-For} from anyone: a client could then pick the address its failed
     * sign-ins are counted against.
     */
    public static String ip() {
        return Faces.getRequest().getRemoteAddr();
    }

    /**
     * The console's public address for emailed links: {@code otp.console.public-url}. Without it, only a
     * request to a loopback address (local use) gives the address; anything else could be a forged Host
     * header that would send someone's link, with its token, to another site.
     */
    public static String consoleUrl() {
        String configured = ConfigProvider.getConfig().getOptionalValue("otp.console.public-url", String.class)
                .filter(s -> !s.isBlank()).orElse(null);
        if (configured != null) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String name = Faces.getRequest().getServerName();
        if (!("localhost".equals(name) || "127.0.0.1".equals(name) || "[::1]".equals(name) || "::1".equals(name))) {
            throw new UnavailableException(Texts.of("bean.links.unconfigured"));
        }
        return Faces.getRequestBaseURL().replaceFirst("/$", "");
    }

    /**
     * A message next to the input whose id is {@code field} (anywhere in the view), or at the top when there
     * is none; the request counts as failed validation.
     */
    public static void fieldError(String field, String message, Object... params) {
        AtomicReference<String> clientId = new AtomicReference<>();
        if (field != null && Faces.getViewRoot() != null) {
            Components.forEachComponent().ofTypes(UIInput.class).invoke((visit, input) -> {
                if (!field.equals(input.getId())) {
                    return VisitResult.ACCEPT;
                }
                clientId.set(input.getClientId(visit.getFacesContext()));
                return VisitResult.COMPLETE;
            });
        }
        Messages.addError(clientId.get(), message, params);
        Faces.validationFailed();
    }

    /** Runs a console action; null when it was refused or failed (the message is then on the page). */
    public static <T> T attempt(Supplier<T> action) {
        try {
            return action.get();
        } catch (BusinessException e) {
            fieldError(e instanceof InvalidInputException invalid ? invalid.getField() : null, e.getMessage());
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "A console action failed", e);
            Messages.addGlobalError("bean.failed");
        }
        return null;
    }

    /** {@link #attempt} for an action without an answer: whether it worked. */
    public static boolean attempt(Runnable action) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
    }

    /**
     * {@link #attempt} for an action that needs a fresh TOTP code and answers empty when the code is
     * wrong or already used: that answer becomes a message on {@code codeField}. Null unless it worked.
     */
    public static <T> T withFreshCode(String codeField, Supplier<Optional<T>> action) {
        Optional<T> result = attempt(action);
        if (result == null) {
            return null;
        }
        if (result.isEmpty()) {
            fieldError(codeField, "bean.code.wrong-wait");
            return null;
        }
        return result.get();
    }
}
