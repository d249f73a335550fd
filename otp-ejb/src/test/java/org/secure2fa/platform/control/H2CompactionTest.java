package org.secure2fa.platform.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's settings (WRITE_DELAY=0) under a generate-like load: one commit per new
 * user, keyed by a random hash. Without compaction the file keeps every chunk that still holds one
 * live page; with it the file stays a small multiple of the data.
 */
class H2CompactionTest {

    private static final int USERS = 6000;

    @TempDir
    Path dir;

    @Test
    void compactionKeepsTheFileFromGrowingWithEveryCommit() throws Exception {
        long without = churn("plain", false);
        long with = churn("compacted", true);
        System.out.printf("H2 file after %d commits: %d KB without compaction, %d KB with%n",
                USERS, without / 1024, with / 1024);
        assertTrue(with * 3 < without, "compaction should keep the file under a third: " + with + " vs " + without);
    }

    @Test
    void anInMemoryDatabaseHasNothingToCompact() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:compaction", "sa", "")) {
            assertTrue(H2Compaction.compact(c, 50, 1 << 20).isEmpty());
        }
    }

    private long churn(String name, boolean compact) throws SQLException, java.io.IOException {
        // as domain.xml, but RETENTION_TIME=0 so dead chunks are reusable within the test's seconds
        String url = "jdbc:h2:" + dir.resolve(name) + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;"
                + "RETENTION_TIME=0";
        SecureRandom random = new SecureRandom();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table end_user (user_key varchar(64) primary key, sends int not null)");
                s.execute("create table challenge (id bigint primary key, user_key varchar(64) not null, "
                        + "code_hash varchar(64) not null, created_at bigint not null)");
                s.execute("create index challenge_created_idx on challenge (created_at)");
            }
            try (PreparedStatement user = c.prepareStatement("insert into end_user values (?, 1)");
                 PreparedStatement challenge = c.prepareStatement("insert into challenge values (?, ?, ?, ?)")) {
                c.setAutoCommit(false);
                for (int i = 0; i < USERS; i++) {
                    byte[] key = new byte[32];
                    random.nextBytes(key);
                    String userKey = HexFormat.of().formatHex(key);
                    user.setString(1, userKey);
                    user.executeUpdate();
                    challenge.setLong(1, i);
                    challenge.setString(2, userKey);
                    challenge.setString(3, userKey);
                    challenge.setLong(4, System.currentTimeMillis());
                    challenge.executeUpdate();
                    c.commit();
                    if (compact && i % 100 == 99) {
                        assertTrue(H2Compaction.compact(c, 50, 1 << 20).isPresent(), "a file store is compacted");
                    }
                }
            }
            long size = Files.size(dir.resolve(name + ".mv.db"));
            System.out.printf("%s: rewritable chunks fill rate %d%%%n", name,
                    H2Compaction.rewritableFillRate(H2Compaction.fileStore(c).orElseThrow()));
            return size;
        }
    }
}
