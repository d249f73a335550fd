package org.secure2fa.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.secure2fa.delivery.control.DeliveryBacklog;

/** Ready while the dispatcher's backlog is below {@code otp.delivery.ready-backlog}. */
@Readiness
@ApplicationScoped
public class DeliveryReadiness implements HealthCheck {

    @Inject
    DeliveryBacklog backlog;

    @Override
    public HealthCheckResponse call() {
        long size = backlog.size();
        return HealthCheckResponse.named("delivery")
                .status(size >= 0 && size < backlog.readyThreshold())
                .withData("backlog", size)
                .withData("threshold", backlog.readyThreshold())
                .build();
    }
}
