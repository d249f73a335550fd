package org.secure2fa.platform.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Turns off EclipseLink's retry of a query whose connection failed outside a transaction (by default
 * it reconnects and tries again, several times, pausing between attempts). A generate fetches a new
 * block of challenge ids that way, under the sequence's lock: with the database down, it waited
 * through the retries while the generates queued behind that lock went far past the 2 s bound
 * (DatabaseOutageIT, 30 s). Without retries each caller gets the failure at once and is answered 503;
 * the connection pool replaces broken connections by itself. Named in persistence.xml.
 */
public class FailFastQueries implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
