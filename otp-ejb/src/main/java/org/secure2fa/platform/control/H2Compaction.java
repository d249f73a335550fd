package org.secure2fa.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The compaction H2's own background thread would do, for a store that runs without it: with
 * {@code WRITE_DELAY=0} (every commit written before the answer) H2 starts no background thread, so
 * chunks that are mostly dead are never rewritten and the file only grows. Loaded only on H2.
 */
public final class H2Compaction {

    private H2Compaction() {
    }

    /**
     * Rewrites the live pages of chunks filled below {@code targetFillRate} percent, at most about
     * {@code maxWriteBytes} of them, so those chunks die and their space is reused by later commits.
     * Holds H2's store lock only while it writes; gives up at once if another store operation runs.
     * The connection is H2's own, or a wrapper that unwraps to it.
     *
     * @return true if anything was rewritten
     */
    public static boolean compact(Connection connection, int targetFillRate, int maxWriteBytes) throws SQLException {
        return store(connection).compact(targetFillRate, maxWriteBytes);
    }

    /** The share of the file's chunks that is live data, in percent. */
    public static int chunksFillRate(Connection connection) throws SQLException {
        return store(connection).getFileStore().getChunksFillRate();
    }

    private static MVStore store(Connection connection) throws SQLException {
        JdbcConnection h2 = connection instanceof JdbcConnection direct ? direct : connection.unwrap(JdbcConnection.class);
        SessionLocal session = (SessionLocal) h2.getSession();
        return session.getDatabase().getStore().getMvStore();
    }
}
