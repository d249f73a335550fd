package org.secure2fa.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.secure2fa.platform.control.ServerDirectory;

/**
 * The service's own keys, all derived from one 256-bit master key: a MAC key for OTP codes and user
 * ids at rest, and an AES-GCM key that seals project secrets, channel credentials and queued
 * messages. The master key comes from {@code otp.master-key} (environment {@code OTP_MASTER_KEY},
 * Base64) or, when that is not set, from a key file that is created on first start.
 */
@ApplicationScoped
public class Keyring {

    private static final Logger LOG = Logger.getLogger(Keyring.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "otp.master-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "otp.master-key-file")
    Optional<String> configuredKeyFile;

    private SecretKeySpec macKey;
    private SecretKeySpec sealKey;
    /** Mac.getInstance is a provider lookup; a Mac per thread, keyed once, is reused for every hash. */
    private ThreadLocal<Mac> macs;

    public Keyring() {
    }

    /** For tests and tools outside the container. */
    public Keyring(byte[] masterKey) {
        derive(masterKey);
    }

    @PostConstruct
    void init() {
        derive(loadMasterKey());
    }

    private void derive(byte[] master) {
        if (master.length != 32) {
            throw new IllegalStateException("The master key must be 32 bytes (Base64 of 32 random bytes)");
        }
        SecretKeySpec root = new SecretKeySpec(master, "HmacSHA256");
        macKey = new SecretKeySpec(hmac(root, "secure2fa/mac"), "HmacSHA256");
        sealKey = new SecretKeySpec(hmac(root, "secure2fa/seal"), "AES");
        SecretKeySpec key = macKey;
        macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    /** The stable, non-reversible key of an integrator's user within one project. */
    public String userKey(long projectId, String uuid) {
        return mac(projectId + "\u0000" + uuid);
    }

    /** The keyed hash under which a code is stored. */
    public String codeHash(String userKey, String code) {
        return mac("code\u0000" + userKey + "\u0000" + code);
    }

    /** A keyed fingerprint of a value that must be compared later but not kept (user agents). */
    public String fingerprint(String value) {
        return mac("fp\u0000" + value);
    }

    /** Compares two hashes in constant time. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** Encrypts and authenticates a value for storage. */
    public String seal(String plaintext) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, nonce));
            byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens a sealed value; fails loudly if it was sealed under another master key or altered. */
    public String open(String sealed) {
        try {
            byte[] raw = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, raw, 0, 12));
            return new String(cipher.doFinal(raw, 12, raw.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A sealed value could not be opened: wrong master key or altered data", e);
        }
    }

    private String mac(String value) {
        byte[] digest = macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static byte[] hmac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private byte[] loadMasterKey() {
        if (configuredKey.isPresent() && !configuredKey.get().isBlank()) {
            return Base64.getDecoder().decode(configuredKey.get().trim());
        }
        Path file = configuredKeyFile.filter(s -> !s.isBlank()).map(Path::of).orElseGet(Keyring::defaultKeyFile);
        try {
            if (!Files.exists(file)) {
                createKeyFile(file);
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the master key file " + file, e);
        }
    }

    /**
     * Creates the key file in one step, readable by the owner only from its first byte on; if another
     * instance created it first, its key is kept (never overwritten).
     */
    private static void createKeyFile(Path file) throws IOException {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Files.createDirectories(file.getParent());
        byte[] content = (Base64.getEncoder().encodeToString(fresh) + "\n").getBytes(StandardCharsets.US_ASCII);
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (var channel = supportsPosix(file)
                ? Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))
                : Files.newByteChannel(file, options)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
        } catch (FileAlreadyExistsException e) {
            return;
        }
        LOG.warning(() -> "No OTP_MASTER_KEY set: created a master key in " + file
                + ". Back it up; without it, project secrets and channel credentials cannot be read.");
    }

    private static boolean supportsPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static Path defaultKeyFile() {
        return ServerDirectory.config().map(config -> config.resolve("otp-master.key"))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".secure2fa", "master.key"));
    }
}
