package org.secure2fa.platform.control;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The running server's own directory, where the service keeps what it writes by default (the master
 * key, the dev outbox): a Payara domain's directory, or a WildFly server's base directory. Empty
 * outside a server (unit tests, tools).
 */
public final class ServerDirectory {

    private ServerDirectory() {
    }

    /** {@code domains/<domain>} on Payara, {@code standalone/} (or its copy) on WildFly. */
    public static Optional<Path> root() {
        return property("com.sun.aas.instanceRoot").or(() -> property("jboss.server.base.dir"));
    }

    /** Where the server keeps its configuration: {@code config/} on Payara, {@code configuration/} on WildFly. */
    public static Optional<Path> config() {
        return property("com.sun.aas.instanceRoot").map(root -> root.resolve("config"))
                .or(() -> property("jboss.server.config.dir"));
    }

    private static Optional<Path> property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }
}
