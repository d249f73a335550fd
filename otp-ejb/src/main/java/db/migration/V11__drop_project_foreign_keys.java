package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys from a project's codes, per-user counters and outbox rows to the project
 * (issue 13). On PostgreSQL every insert into these tables checked its key by locking the project's
 * row ({@code FOR KEY SHARE}); every generate of a project locked the same row, concurrently, which
 * turns the lock into a multixact written to the row each time. Measured with pgbench running a
 * generate's two statements alone: 4,761 transactions/s with the keys, 6,091 without.
 *
 * <p>Nothing relied on the keys' cascade: a project's deletion deletes these rows itself, in its own
 * transaction ({@code ProjectDeleting}'s observers). A generate that read the project just before it
 * was deleted can still add its code and counter afterwards; no call reaches them again, since the
 * public key is gone, and project ids are never reused. Expand only: an older node needs no key.
 *
 * <p>In Java because the keys were declared without names, and H2 names them differently from
 * PostgreSQL: their names are read from the information schema, which both have.
 */
public class V11__drop_project_foreign_keys extends BaseJavaMigration {

    private static final List<String> TABLES = List.of("end_user", "challenge", "delivery");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (String table : TABLES) {
            for (String constraint : foreignKeys(connection, table)) {
                try (Statement drop = connection.createStatement()) {
                    drop.execute("alter table " + table + " drop constraint \"" + constraint.replace("\"", "\"\"") + "\"");
                }
            }
        }
    }

    /** Every foreign key of the table; each of these three has only the one to its project. */
    private static List<String> foreignKeys(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select constraint_name "
                + "from information_schema.table_constraints where table_schema = current_schema "
                + "and table_name = ? and constraint_type = 'FOREIGN KEY'")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
