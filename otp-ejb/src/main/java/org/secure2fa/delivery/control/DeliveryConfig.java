package org.secure2fa.delivery.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Delivery's settings, read once from {@code otp.delivery.*} (defaults in the EJB module's
 * {@code META-INF/microprofile-config.properties}).
 *
 * @param pollIntervalMillis    how often the dispatcher looks for due messages
 * @param maxAttempts           sends of one message before it is given up
 * @param backoffBaseMillis     the first retry delay, doubling per attempt
 * @param backoffMaxMillis      the longest retry delay
 * @param claimTimeoutMillis    how long a claimed message stays with its dispatcher before another may take it
 * @param backlogLimit          waiting messages past which the API answers 503 instead of queueing more
 * @param readyBacklog          waiting messages past which readiness turns down
 * @param devOutboxDir          where the dev outbox keeps its files; empty: the server's {@code dev-outbox/}
 * @param circuitFailures       consecutive provider failures that open a channel's circuit
 * @param circuitOpenMillis     how long an open circuit stays open
 * @param allowPrivateEndpoints whether channels may point at private addresses and plain http (development)
 */
public record DeliveryConfig(long pollIntervalMillis, int maxAttempts, long backoffBaseMillis, long backoffMaxMillis,
                             long claimTimeoutMillis, long backlogLimit, long readyBacklog, Optional<String> devOutboxDir,
                             int circuitFailures, long circuitOpenMillis, boolean allowPrivateEndpoints) {

    /**
     * Reads the record once per deployment, from the configuration the EJB module's class loader sees
     * (where the defaults are), whichever web module's request asks first.
     */
    @Dependent
    static class Producer {

        @Produces
        @Singleton
        static DeliveryConfig read() {
            Config config = ConfigProvider.getConfig(DeliveryConfig.class.getClassLoader());
            return new DeliveryConfig(
                    config.getValue("otp.delivery.poll-interval-ms", Long.class),
                    config.getValue("otp.delivery.max-attempts", Integer.class),
                    config.getValue("otp.delivery.backoff-base-ms", Long.class),
                    config.getValue("otp.delivery.backoff-max-ms", Long.class),
                    config.getValue("otp.delivery.claim-timeout-ms", Long.class),
                    config.getValue("otp.delivery.backlog-limit", Long.class),
                    config.getValue("otp.delivery.ready-backlog", Long.class),
                    config.getOptionalValue("otp.delivery.dev-outbox-dir", String.class).filter(s -> !s.isBlank()),
                    config.getValue("otp.delivery.circuit-failures", Integer.class),
                    config.getValue("otp.delivery.circuit-open-ms", Long.class),
                    config.getValue("otp.delivery.allow-private-endpoints", Boolean.class));
        }
    }
}
