package org.secure2fa.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secure2fa.incontainer.Mappings.MappedSchema;
import org.secure2fa.platform.boundary.SchemaMigration;

/**
 * The schema is the migrations' alone (no DDL generation): they must build it on an empty database at
 * start, and it must hold every table, column and sequence the entities map, with matching types.
 */
@ExtendWith(ArquillianExtension.class)
class SchemaIT {

    /** The JDBC types a column may have for the Java type mapped to it. */
    private static final Map<Class<?>, List<Integer>> COLUMN_TYPES = Map.of(
            long.class, List.of(Types.BIGINT), Long.class, List.of(Types.BIGINT),
            int.class, List.of(Types.INTEGER), Integer.class, List.of(Types.INTEGER),
            boolean.class, List.of(Types.BOOLEAN), Boolean.class, List.of(Types.BOOLEAN),
            String.class, List.of(Types.VARCHAR));

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule();
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @EJB
    SchemaMigration migration;

    @EJB
    Mappings mappings;

    @Test
    void theMigrationsBuiltTheSchemaFromAnEmptyDatabaseUpToTheLatest() {
        MigrationInfoService info = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource).locations("classpath:db/migration").load().info();
        MigrationVersion latest = Arrays.stream(info.all()).map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder()).orElseThrow();

        assertTrue(migration.isMigrated());
        assertEquals(latest.getVersion(), migration.version(), "the schema is at the latest migration");
        assertEquals(0, info.pending().length);
        MigrationInfo[] applied = info.applied();
        assertEquals(info.all().length, applied.length, "every migration applied, none skipped or baselined");
        assertEquals("1", applied[0].getVersion().getVersion(), "from the first migration on");
        long serverStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        for (MigrationInfo m : applied) {
            assertEquals(MigrationState.SUCCESS, m.getState(), m.getScript());
            // whole seconds: a database may keep the time less precisely
            assertFalse(m.getInstalledOn().getTime() < serverStart - 1000,
                    m.getScript() + " was applied before this server started: the database was not empty");
        }
    }

    @Test
    void theDefaultDataSourceIsAnH2InPostgreSqlMode() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertEquals("H2", c.getMetaData().getDatabaseProductName());
            try (var s = c.createStatement();
                 ResultSet r = s.executeQuery("select setting_value from information_schema.settings "
                         + "where setting_name = 'MODE'")) {
                assertTrue(r.next());
                assertEquals("PostgreSQL", r.getString(1), "the migrations are written for PostgreSQL mode");
            }
        }
    }

    /**
     * V11 dropped the foreign keys to the project from the tables every generate writes (each insert
     * locked the project's row on PostgreSQL); the other foreign keys stay, which shows the lookup sees
     * them. A project's deletion deletes those rows itself (ProjectDeletionIT).
     */
    @Test
    void theTablesEveryGenerateWritesHaveNoForeignKeyToTheProject() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("end_user", "challenge", "delivery")) {
                assertEquals(List.of(), importedKeys(c, table), table);
            }
            assertEquals(List.of("channel_id -> channel", "template_id -> template"), importedKeys(c, "project"));
        }
    }

    private static List<String> importedKeys(Connection c, String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (ResultSet r = c.getMetaData().getImportedKeys(null, c.getSchema(), table)) {
            while (r.next()) {
                keys.add(lower(r.getString("FKCOLUMN_NAME")) + " -> " + lower(r.getString("PKTABLE_NAME")));
            }
        }
        keys.sort(Comparator.naturalOrder());
        return keys;
    }

    @Test
    void everyMappedColumnExistsWithAMatchingType() throws SQLException {
        Map<String, Map<String, Integer>> database = columnTypes();
        List<String> problems = new ArrayList<>();
        mappings.mapped().columns().forEach((table, columns) -> columns.forEach((column, javaType) -> {
            Integer jdbcType = database.getOrDefault(table, Map.of()).get(column);
            List<Integer> allowed = COLUMN_TYPES.getOrDefault(javaType, javaType.isEnum() ? List.of(Types.VARCHAR) : null);
            if (!database.containsKey(table)) {
                problems.add("no table " + table);
            } else if (jdbcType == null) {
                problems.add("no column " + table + "." + column);
            } else if (allowed == null) {
                problems.add(table + "." + column + ": no rule for " + javaType.getName() + " in this test");
            } else if (!allowed.contains(jdbcType)) {
                problems.add(table + "." + column + " is JDBC type " + jdbcType + ", mapped to " + javaType.getName());
            }
        }));
        assertEquals(List.of(), problems);
        assertTrue(mappings.mapped().columns().size() >= 9, "the entities were found");
    }

    @Test
    void everyColumnThatMustBeFilledIsMapped() throws SQLException {
        Map<String, Map<String, Class<?>>> mapped = mappings.mapped().columns();
        List<String> unmapped = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet r = c.getMetaData().getColumns(null, c.getSchema(), null, null)) {
            while (r.next()) {
                String table = lower(r.getString("TABLE_NAME"));
                String column = lower(r.getString("COLUMN_NAME"));
                boolean required = r.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls && r.getString("COLUMN_DEF") == null;
                if (mapped.containsKey(table) && required && !mapped.get(table).containsKey(column)) {
                    unmapped.add(table + "." + column);
                }
            }
        }
        assertEquals(List.of(), unmapped, "NOT NULL without a default, yet no entity writes it");
    }

    @Test
    void everyIdSequenceExistsAndStepsByTheBlockTheEntityTakes() throws SQLException {
        Map<String, Long> increments = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             var s = c.prepareStatement("select sequence_name, increment from information_schema.sequences "
                     + "where sequence_schema = ?")) {
            s.setString(1, c.getSchema());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    increments.put(lower(r.getString(1)), Long.parseLong(r.getString(2)));
                }
            }
        }
        Map<String, Integer> sequences = mappings.mapped().sequences();
        assertFalse(sequences.isEmpty());
        sequences.forEach((sequence, block) -> assertEquals(Long.valueOf(block), increments.get(sequence),
                "sequence " + sequence + ": EclipseLink hands out " + block + " ids per value"));
    }

    /** Table → column → JDBC type of the current schema. */
    private Map<String, Map<String, Integer>> columnTypes() throws SQLException {
        Map<String, Map<String, Integer>> tables = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             ResultSet r = c.getMetaData().getColumns(null, c.getSchema(), null, null)) {
            while (r.next()) {
                tables.computeIfAbsent(lower(r.getString("TABLE_NAME")), t -> new TreeMap<>())
                        .put(lower(r.getString("COLUMN_NAME")), r.getInt("DATA_TYPE"));
            }
        }
        return tables;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
