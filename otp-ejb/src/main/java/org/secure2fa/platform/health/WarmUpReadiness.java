package org.secure2fa.platform.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.secure2fa.platform.boundary.WarmUp;

/** Not ready while the node warms up ({@link WarmUp}): a load balancer sends it nothing meanwhile. */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {

    @EJB
    WarmUp warmUp;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(warmUp.isDone()).withData("outcome", warmUp.outcome())
                .build();
    }
}
