package org.secure2fa.platform.web;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * {@code /health}, {@code /health/live}, {@code /health/ready} and {@code /health/started} on the
 * public port, in MicroProfile Health's JSON (200 when every check is UP, 503 otherwise), from the
 * application's own {@link HealthCheck} beans.
 *
 * <p>Served by the application rather than by the server so that both servers answer alike: WildFly
 * serves MicroProfile Health on its management port only, and does not find checks inside an EAR's
 * EJB module; Payara's own endpoint is switched off in domain.xml.
 */
@WebServlet(urlPatterns = {"/health", "/health/live", "/health/ready", "/health/started"})
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HealthServlet.class.getName());

    @Inject
    @Any
    transient Instance<HealthCheck> checks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Annotation> kinds = switch (request.getServletPath()) {
            case "/health/live" -> List.of(Liveness.Literal.INSTANCE);
            case "/health/ready" -> List.of(Readiness.Literal.INSTANCE);
            case "/health/started" -> List.of(Startup.Literal.INSTANCE);
            default -> List.of(Liveness.Literal.INSTANCE, Readiness.Literal.INSTANCE, Startup.Literal.INSTANCE);
        };
        boolean up = true;
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (Annotation kind : kinds) {
            for (HealthCheck check : checks.select(kind)) {
                HealthCheckResponse result = call(check);
                up &= result.getStatus() == HealthCheckResponse.Status.UP;
                results.add(json(result));
            }
        }
        String body = Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", results).build().toString();
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }

    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Health check " + check.getClass().getName() + " failed", e);
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down().build();
        }
    }

    private static JsonObjectBuilder json(HealthCheckResponse result) {
        JsonObjectBuilder check = Json.createObjectBuilder()
                .add("name", result.getName())
                .add("status", result.getStatus().name());
        result.getData().filter(data -> !data.isEmpty()).ifPresent(data -> {
            JsonObjectBuilder values = Json.createObjectBuilder();
            data.forEach((key, value) -> {
                if (value instanceof Boolean b) {
                    values.add(key, b);
                } else if (value instanceof Long l) {
                    values.add(key, l);
                } else {
                    values.add(key, String.valueOf(value));
                }
            });
            check.add("data", values);
        });
        return check;
    }
}
