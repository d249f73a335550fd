package org.secure2fa.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.secure2fa.delivery.control.Circuits;

/**
 * Reports channels whose provider circuit is open. Degraded, not down: messages fail over to the next
 * channel or wait for the provider, and the API keeps working, so this check stays UP and names them.
 */
@Readiness
@ApplicationScoped
public class ProviderCircuitsReadiness implements HealthCheck {

    @Inject
    Circuits circuits;

    @Override
    public HealthCheckResponse call() {
        var open = circuits.open(System.currentTimeMillis());
        return HealthCheckResponse.named("delivery-providers")
                .up()
                .withData("degraded", !open.isEmpty())
                .withData("openCircuits", open.keySet().stream().map(id -> "channel " + id)
                        .collect(Collectors.joining(", ")))
                .build();
    }
}
