package org.secure2fa.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.secure2fa.platform.control.SettingsEpoch;

/**
 * Looks at the settings epoch every {@code otp.cluster.watch-ms} (250 ms), so that a change made
 * through another node reaches this node's caches within that time (see {@link SettingsEpoch}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SettingsWatch {

    private static final Logger LOG = Logger.getLogger(SettingsWatch.class.getName());

    @Resource
    TimerService timers;

    @Inject
    SettingsEpoch epoch;

    @Inject
    @ConfigProperty(name = "otp.cluster.watch-ms", defaultValue = "250")
    long intervalMillis;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(0, intervalMillis, new TimerConfig("settings-watch", false));
    }

    @Timeout
    void look() {
        try {
            epoch.look();
        } catch (RuntimeException e) {
            // the database is away: nothing can change meanwhile, and the next look catches up
            LOG.log(Level.FINE, "The settings epoch could not be read", e);
        }
    }
}
