package org.secure2fa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pgbench-generate's transaction: the server's statements with every parameter bound, run for real by
 * pgbench on the local PostgreSQL (as the test suite has it) in a database the service's migrations
 * built, where it must leave what a generate for a fresh user leaves.
 */
class GenerateTransactionTest {

    private static final Options.Postgres POSTGRES = new Options.Postgres("127.0.0.1", 5432, "postgres",
            "secure2fa_bench_test");

    @Test
    void bindsEveryParameterOfBothStatements() {
        String script = GenerateTransaction.script(7, 1_000_000_000_000L);

        assertFalse(script.contains("?"), script);
        assertTrue(script.startsWith("\\set uid random("), script);
        assertTrue(script.contains("values (rpad(md5(cast(:uid as text)), 43, 'k'), 7, 1000000000000, 1, 0, :cid)"), script);
        assertTrue(script.contains("where id = -1 and status = 'ACTIVE'"), script);
        assertTrue(script.contains("values (:cid, 7, rpad(md5(cast(:uid as text)), 43, 'k'), "), script);
        assertTrue(script.contains("\nbegin;\n") && script.endsWith("\nend;\n"), script);
    }

    @Test
    void aStatementWithMoreOrFewerParametersThanValuesIsRefused() {
        assertEquals("a = 1 and b = x", GenerateTransaction.bind("a = ? and b = ?", List.of("1", "x")));
        assertThrows(IllegalStateException.class, () -> GenerateTransaction.bind("a = ? and b = ?", List.of("1")));
        assertThrows(IllegalStateException.class, () -> GenerateTransaction.bind("a = ?", List.of("1", "2")));
    }

    @Test
    void pgbenchCommitsGeneratesThatLeaveAUserPointingAtItsNewCode() throws Exception {
        Result result = new Pgbench(POSTGRES, 4).runGenerate(0, 2, CpuMeter.of(List.of()));

        assertTrue(result.requests() > 0, "pgbench committed transactions");
        assertEquals(0, result.errorCount(), "none failed");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/secure2fa_bench_test_service",
                "postgres", "")) {
            assertEquals(result.requests(), count(c, "select count(*) from end_user where project_id = 1 "
                    + "and sends_in_window = 1 and length(user_key) = 43"));
            assertEquals(result.requests(), count(c, "select count(*) from challenge c join end_user u "
                    + "on u.current_challenge_id = c.id and u.user_key = c.user_key "
                    + "where c.status = 'ACTIVE' and c.attempts = 0 and c.template_request"));
        }
    }

    private static long count(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }
}
