package org.secure2fa.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.secure2fa.platform.control.SettingsEpoch;

/**
 * Looks at the settings epoch every {@code otp.cluster.watch-ms} (250 ms), so that a change made
 * through another node reaches this node's caches within that time (see {@link SettingsEpoch}). On the
 * platform's managed scheduler rather than an EJB timer: Payara delivers a timer at most once a second
 * (its minimum delivery interval), which measured up to a second of delay here.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SettingsWatch {

    private static final Logger LOG = Logger.getLogger(SettingsWatch.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SettingsEpoch epoch;

    @Inject
    @ConfigProperty(name = "otp.cluster.watch-ms", defaultValue = "250")
    long intervalMillis;

    @Resource
    SessionContext context;

    private ScheduledFuture<?> task;
    private volatile boolean failing;

    @PostConstruct
    void schedule() {
        // through the bean's own business interface, so each look runs as a call of this component
        SettingsWatch self = context.getBusinessObject(SettingsWatch.class);
        task = scheduler.scheduleWithFixedDelay(self::look, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    @Lock(LockType.READ)
    public void look() {
        try {
            epoch.look();
            failing = false;
        } catch (RuntimeException e) {
            // the database is away: nothing can change meanwhile, and the next look catches up
            if (!failing) {
                LOG.log(Level.WARNING, "The settings epoch could not be read; trying again every " + intervalMillis
                        + " ms", e);
            }
            failing = true;
        }
    }
}
