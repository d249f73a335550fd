package org.secure2fa.launcher;

import java.util.Map;

/** Where the service's database is; {@code url == null} keeps the server's embedded H2 file. */
public record Database(String url, String user, String password) {

    public static Database embedded() {
        return new Database(null, null, null);
    }

    /** From OTP_DB_URL, OTP_DB_USER, OTP_DB_PASSWORD; embedded H2 when OTP_DB_URL is not set. */
    public static Database fromEnvironment(Map<String, String> env) {
        String url = env.get("OTP_DB_URL");
        return url == null || url.isBlank() ? embedded()
                : new Database(url, env.getOrDefault("OTP_DB_USER", ""), env.getOrDefault("OTP_DB_PASSWORD", ""));
    }

    public boolean isEmbedded() {
        return url == null;
    }

    public boolean isPostgres() {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** The embedded H2 file's settings, the same on every server. */
    static String h2Url(String fileWithoutSuffix) {
        return "jdbc:h2:" + fileWithoutSuffix + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
    }
}
