package org.secure2fa.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/**
 * A database of the service's schema for pgbench to run generates in, built from nothing at every run by
 * the service's own migrations (those in the otp-ejb jar on the driver's class path, with Flyway as the
 * server runs them), with one project for the codes to belong to.
 */
final class ServiceSchema {

    static final long PROJECT_ID = 1;

    private final Options.Postgres postgres;

    ServiceSchema(Options.Postgres postgres) {
        this.postgres = postgres;
    }

    /** The database's name: the scratch database's, with {@code _service} after it. */
    String database() {
        return postgres.database() + "_service";
    }

    /**
     * Drops the database if it is there, creates it, migrates it and adds the project.
     *
     * @throws Command.Failure when PostgreSQL refuses; the message is one line
     */
    void rebuild(long now) throws Command.Failure {
        try {
            try (Connection admin = connect("postgres"); Statement s = admin.createStatement()) {
                s.execute("drop database if exists " + database());
                s.execute("create database " + database());
            }
            Flyway.configure(ServiceSchema.class.getClassLoader()).dataSource(url(database()), postgres.user(),
                    password()).locations("classpath:db/migration").load().migrate();
            try (Connection c = connect(database());
                 PreparedStatement insert = c.prepareStatement("insert into project (id, name, public_key, "
                         + "secret_sealed, created_at) values (?, 'pgbench', ?, 'none', ?)")) {
                insert.setLong(1, PROJECT_ID);
                insert.setString(2, "0".repeat(32));
                insert.setLong(3, now);
                insert.executeUpdate();
            }
        } catch (SQLException | RuntimeException e) {
            throw new Command.Failure("the service's schema in " + database() + ": "
                    + e.getMessage().lines().findFirst().orElse(e.getClass().getSimpleName()));
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", postgres.user());
        if (password() != null) {
            properties.setProperty("password", password());
        }
        return DriverManager.getConnection(url(database), properties);
    }

    private String url(String database) {
        return "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + database;
    }

    private static String password() {
        return System.getenv("PGPASSWORD");
    }
}
