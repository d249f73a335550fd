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

    /**
     * The URL the server's pool connects with. For PostgreSQL it bounds what a database that is gone
     * can cost a request, unless the URL already sets these: 2 s to connect and 2 s to log in (the
     * driver waits 10 s and for ever by default), and 60 s for any answer on an open connection (for
     * ever by default), a last resort for a peer that vanished without closing its connections. The
     * pool's wait for a free connection (1 s, in each server's configuration) is what keeps the API's
     * answers fast while the database is down.
     */
    public String poolUrl() {
        if (!isPostgres()) {
            return url;
        }
        StringBuilder pooled = new StringBuilder(url);
        for (String[] option : new String[][] {{"connectTimeout", "2"}, {"loginTimeout", "2"}, {"socketTimeout", "60"}}) {
            if (!url.contains(option[0] + "=")) {
                pooled.append(pooled.indexOf("?") < 0 ? '?' : '&').append(option[0]).append('=').append(option[1]);
            }
        }
        return pooled.toString();
    }

    /** The embedded H2 file's settings, the same on every server. */
    static String h2Url(String fileWithoutSuffix) {
        return "jdbc:h2:" + fileWithoutSuffix + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
    }
}
