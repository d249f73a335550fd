package org.secure2fa.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.secure2fa.platform.control.H2Compaction;

/**
 * Keeps the embedded H2 file from growing with every commit. The embedded default runs with
 * {@code WRITE_DELAY=0} so that a committed code or message survives a crash, and at that setting H2
 * runs no background thread, so nothing rewrites its mostly dead chunks. This timer does that part of
 * H2's housekeeping; on any other database it does nothing.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class H2Housekeeping {

    private static final Logger LOG = Logger.getLogger(H2Housekeeping.class.getName());

    /** Below this fill rate (percent) of the rewritable chunks a round rewrites some; H2's thread uses 45 under load. */
    static final int TARGET_FILL_RATE = 50;

    /** At most this much is rewritten per round, so commits wait on the store lock only briefly. */
    static final int MAX_WRITE_BYTES = 2 << 20;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "otp.h2.compact-interval-ms", defaultValue = "250")
    long intervalMillis;

    private int failures;
    private boolean running;
    private volatile Method physicalConnection;

    @PostConstruct
    void schedule() {
        try (Connection connection = dataSource.getConnection()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not tell which database this is; H2 housekeeping is off", e);
            return;
        }
        if (intervalMillis > 0) {
            physicalConnection = glassFishPhysicalConnection();
            timers.createIntervalTimer(intervalMillis, intervalMillis, new TimerConfig("h2-housekeeping", false));
        }
    }

    @Timeout
    void compact(Timer timer) {
        try (Connection connection = dataSource.getConnection()) {
            OptionalInt fillRate = H2Compaction.compact(physical(connection), TARGET_FILL_RATE, MAX_WRITE_BYTES);
            if (fillRate.isEmpty()) {
                LOG.warning("H2 housekeeping is off: this server does not hold the database file itself "
                        + "(in memory, or opened first by another process); the file is not compacted");
                timer.cancel();
                return;
            }
            if (!running) {
                running = true;
                LOG.info(String.format("H2 housekeeping is on: the rewritable chunks are %d%% full; below %d%%, "
                        + "up to %d KB of them are rewritten every %d ms", fillRate.getAsInt(), TARGET_FILL_RATE,
                        MAX_WRITE_BYTES / 1024, intervalMillis));
            }
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            // said once at WARNING: a cause that lasts would otherwise fill the log every second
            LOG.log(failures++ == 0 ? Level.WARNING : Level.FINE, "H2 compaction failed; the next round tries again", e);
        } catch (LinkageError e) {
            // an H2 other than the one compiled against: stop rather than fail every second
            LOG.log(Level.WARNING, "H2 compaction is not available with this H2 version; stopped", e);
            timer.cancel();
        }
    }

    /**
     * The driver's connection behind the pool's: Payara's wrapper unwraps only to interfaces, and
     * hands out the physical connection through GlassFish's {@code com.sun.appserv.jdbc.DataSource}.
     * Other servers' wrappers unwrap to the driver's class.
     */
    private Connection physical(Connection pooled) throws ReflectiveOperationException {
        return physicalConnection == null ? pooled : (Connection) physicalConnection.invoke(dataSource, pooled);
    }

    /** GlassFish's {@code getConnection(Connection)} when the pool is GlassFish's, looked up once. */
    private Method glassFishPhysicalConnection() {
        ClassLoader loader = dataSource.getClass().getClassLoader();
        try {
            Class<?> glassfish = Class.forName("com.sun.appserv.jdbc.DataSource", false,
                    loader == null ? ClassLoader.getSystemClassLoader() : loader);
            return glassfish.isInstance(dataSource) ? glassfish.getMethod("getConnection", Connection.class) : null;
        } catch (ReflectiveOperationException notGlassFish) {
            return null;
        }
    }
}
