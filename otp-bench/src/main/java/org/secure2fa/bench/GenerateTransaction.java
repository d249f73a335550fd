package org.secure2fa.bench;

import java.util.List;
import org.secure2fa.challenge.entity.GenerateStatements;

/**
 * The pgbench script of one generate as the server commits it on PostgreSQL, for a user seen for the
 * first time (the generate target's case): the server's own two statements ({@link GenerateStatements},
 * compiled in), with pgbench variables and constants in place of the parameters the server binds, in one
 * transaction. What the database alone can commit of generates, without the server's CPU beside it.
 */
final class GenerateTransaction {

    /** A user key of a real key's length (43), in random order in the index as the keyed hashes are. */
    private static final String USER_KEY = "rpad(md5(cast(:uid as text)), 43, 'k')";
    private static final String CODE_HASH = "'nP-FNP3ew5W8WyNlBu4RUtEwtomREivmWvEdI1X1YK4'";
    private static final long WINDOW_MILLIS = 3_600_000;
    private static final long LIFETIME_MILLIS = 600_000;

    private GenerateTransaction() {
    }

    /** The script for the project {@code projectId}, with {@code now} as the time of every generate. */
    static String script(long projectId, long now) {
        String windowStart = Long.toString(now - WINDOW_MILLIS);
        String countSend = bind(GenerateStatements.COUNT_SEND_POSTGRESQL, List.of(USER_KEY,
                Long.toString(projectId), Long.toString(now), ":cid", windowStart, windowStart, windowStart,
                "5", "5", windowStart));
        // a fresh user replaces no code: the server passes -1, as here
        String insert = bind(GenerateStatements.SUPERSEDE_AND_INSERT_POSTGRESQL, List.of("-1", ":cid",
                Long.toString(projectId), USER_KEY, CODE_HASH, Long.toString(now), "5", Long.toString(now),
                Long.toString(now + LIFETIME_MILLIS), "'u***@example.com'", "'EMAIL'", "'en'", "null", "null",
                "true"));
        return """
                \\set uid random(1, 9000000000000000000)
                \\set cid random(1, 9000000000000000000)
                begin;
                %s;
                %s;
                end;
                """.formatted(countSend, insert);
    }

    /** The statement with each {@code ?} replaced, in order, by the expression given for it. */
    static String bind(String statement, List<String> values) {
        StringBuilder bound = new StringBuilder();
        int next = 0;
        for (char c : statement.toCharArray()) {
            if (c != '?') {
                bound.append(c);
            } else if (next < values.size()) {
                bound.append(values.get(next++));
            } else {
                throw new IllegalStateException("More parameters than the " + values.size() + " given in: " + statement);
            }
        }
        if (next != values.size()) {
            throw new IllegalStateException(values.size() + " values for " + next + " parameters in: " + statement);
        }
        return bound.toString();
    }
}
