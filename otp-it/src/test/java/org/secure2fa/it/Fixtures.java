package org.secure2fa.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.secure2fa.crypto.PayloadCipher;
import org.secure2fa.delivery.control.Settings;
import org.secure2fa.project.control.KeyMaterial;

/**
 * Projects, channels and templates written straight into the server's database (there is no
 * management API yet), sealed with the same master key the server uses.
 */
public final class Fixtures {

    /** A project the tests can call the API with. */
    public record TestProject(long id, String publicKey, String secretKey, long channelId) {

        public SecretKeySpec key() {
            return PayloadCipher.keyOf(secretKey).orElseThrow();
        }

        public String encrypt(String plaintext) {
            return PayloadCipher.encrypt(plaintext, key());
        }
    }

    /** What to create; every field has a sensible default. */
    public static final class Spec {
        String channelType = "EMAIL";
        String provider = "dev-outbox";
        Map<String, String> settings = new LinkedHashMap<>(Map.of("from", "otp@example.com"));
        boolean linked = true;
        String fallbackProvider;
        Map<String, String> fallbackSettings;
        Integer digits;
        Integer lifetimeSeconds;
        Integer maxAttempts;
        String deviceCheck;
        final List<String[]> versions = new ArrayList<>();

        public Spec sms() {
            channelType = "SMS";
            return this;
        }

        public Spec smtp(int port) {
            provider = "smtp";
            settings = new LinkedHashMap<>(Map.of("host", "127.0.0.1", "port", Integer.toString(port),
                    "security", "NONE", "from", "otp@example.com", "from_name", "Secure 2FA tests",
                    "timeout_ms", "3000"));
            return this;
        }

        public Spec provider(String provider, Map<String, String> settings) {
            this.provider = provider;
            this.settings = new LinkedHashMap<>(settings);
            return this;
        }

        /** A second channel, SMTP to {@code port}, that the first fails over to. */
        public Spec fallbackSmtp(int port) {
            fallbackProvider = "smtp";
            fallbackSettings = new Spec().smtp(port).settings;
            return this;
        }

        public Spec unlinked() {
            linked = false;
            return this;
        }

        public Spec digits(int digits) {
            this.digits = digits;
            return this;
        }

        public Spec lifetimeSeconds(int seconds) {
            this.lifetimeSeconds = seconds;
            return this;
        }

        public Spec deviceCheck(String mode) {
            this.deviceCheck = mode;
            return this;
        }

        public Spec version(String lang, String subject, String body) {
            versions.add(new String[] {lang, subject, body});
            return this;
        }
    }

    public static Spec spec() {
        return new Spec();
    }

    /** A linked email project on the dev outbox, with English and French versions. */
    public static TestProject project() {
        return project(spec());
    }

    public static TestProject project(Spec spec) {
        if (spec.versions.isEmpty()) {
            spec.version("en", "Your login code", "Your login code is {{OTP_CODE}}.")
                    .version("fr", "Votre code de connexion", "Votre code de connexion est {{OTP_CODE}}.");
        }
        long now = System.currentTimeMillis();
        String publicKey = KeyMaterial.newPublicKey();
        String secretKey = KeyMaterial.newSecretKey();
        try (Connection c = TestServer.get().connection()) {
            Long fallbackId = null;
            if (spec.fallbackProvider != null) {
                fallbackId = next(c, "channel_seq");
                update(c, "insert into channel (id, name, channel_type, provider_id, settings_sealed, created_at) "
                                + "values (?, ?, ?, ?, ?, ?)", fallbackId, "fallback channel", spec.channelType,
                        spec.fallbackProvider, TestServer.KEYRING.seal(Settings.toJson(spec.fallbackSettings)), now);
            }
            long channelId = next(c, "channel_seq");
            update(c, "insert into channel (id, name, channel_type, provider_id, settings_sealed, created_at, "
                            + "fallback_channel_id) values (?, ?, ?, ?, ?, ?, ?)", channelId, "test channel",
                    spec.channelType, spec.provider, TestServer.KEYRING.seal(Settings.toJson(spec.settings)), now,
                    fallbackId);
            long templateId = next(c, "template_seq");
            update(c, "insert into template (id, name, created_at) values (?, ?, ?)", templateId, "test template", now);
            int position = 0;
            for (String[] v : spec.versions) {
                update(c, "insert into template_version (id, template_id, lang, subject, body, position) "
                        + "values (?, ?, ?, ?, ?, ?)", next(c, "template_version_seq"), templateId, v[0], v[1], v[2],
                        position++);
            }
            long projectId = next(c, "project_seq");
            update(c, "insert into project (id, name, public_key, secret_sealed, channel_id, template_id, code_digits, "
                            + "code_lifetime_seconds, max_attempts, device_check, created_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", projectId, "test project", publicKey,
                    TestServer.KEYRING.seal(secretKey), spec.linked ? channelId : null,
                    spec.linked ? templateId : null, spec.digits, spec.lifetimeSeconds, spec.maxAttempts,
                    spec.deviceCheck, now);
            return new TestProject(projectId, publicKey, secretKey, channelId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A write to the database; the rows it changed. */
    public static int execute(String sql, Object... args) {
        try (Connection c = TestServer.get().connection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single number from the database. */
    public static long number(String sql, Object... args) {
        try (Connection c = TestServer.get().connection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row as column → value, or an empty map. */
    public static Map<String, Object> row(String sql, Object... args) {
        try (Connection c = TestServer.get().connection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (r.next()) {
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        row.put(r.getMetaData().getColumnLabel(i).toLowerCase(), r.getObject(i));
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long next(Connection c, String sequence) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select nextval('" + sequence + "')");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                s.setNull(i + 1, Types.NULL);
            } else {
                s.setObject(i + 1, args[i]);
            }
        }
    }

    private Fixtures() {
    }
}
