package org.secure2fa.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
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
     * H2's store behind {@code connection} (H2's own, or a wrapper that unwraps to it); empty when
     * there is nothing to compact here: an in-memory database, or a file another process opened first
     * (with {@code AUTO_SERVER=TRUE} this process is then only a client of that one).
     */
    static Optional<MVStore> fileStore(Connection connection) throws SQLException {
        JdbcConnection h2 = connection instanceof JdbcConnection direct ? direct : connection.unwrap(JdbcConnection.class);
        if (!(h2.getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? Optional.empty() : Optional.of(store);
    }

    /**
     * One round on the store behind {@code connection}: when the chunks old enough to be rewritten
     * (past H2's retention time) are less than {@code targetFillRate} percent live, rewrites about
     * {@code maxWriteBytes} of them and writes the result at once, so those chunks die and later
     * commits reuse their space, and no request's commit has to write the moved pages. H2's store lock
     * is held only while it works; the round gives up at once if another store operation runs.
     *
     * @return the rewritable chunks' fill rate before the round, or empty if there is no file store
     *         to compact here (see {@link #fileStore})
     */
    public static OptionalInt compact(Connection connection, int targetFillRate, int maxWriteBytes)
            throws SQLException {
        Optional<MVStore> found = fileStore(connection);
        if (found.isEmpty()) {
            return OptionalInt.empty();
        }
        MVStore store = found.get();
        int fillRate = rewritableFillRate(store);
        // H2's own check in compact() is on all chunks, young ones included (which cannot be rewritten
        // yet and are mostly dead under load): 101 passes it, the check here is the one that counts
        if (fillRate < targetFillRate && store.compact(101, maxWriteBytes)) {
            store.tryCommit();
        }
        return OptionalInt.of(fillRate);
    }

    /** The share of the chunks past the retention time that is live data, in percent. */
    static int rewritableFillRate(MVStore store) {
        AtomicInteger rate = new AtomicInteger(100);
        store.populateInfo((key, value) -> {
            if ("info.CHUNKS_FILL_RATE_RW".equals(key)) {
                rate.set(Integer.parseInt(value));
            }
        });
        return rate.get();
    }
}
