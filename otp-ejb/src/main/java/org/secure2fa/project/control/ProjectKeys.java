package org.secure2fa.project.control;

import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.secure2fa.crypto.PayloadCipher;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.policy.OtpPolicy;
import org.secure2fa.template.control.TemplateText;

/**
 * What the API needs of a project, resolved once and cached: its keys (opened), its policy, its
 * channel and template. Holds key material: never logged ({@link #toString()} says so).
 */
public record ProjectKeys(long projectId, String publicKey, SecretKeySpec secret, SecretKeySpec previousSecret,
                          long previousSecretUntil, Long channelId, ChannelType channelType,
                          List<TemplateText> templateVersions, OtpPolicy policy, boolean templateRequests) {

    public boolean isLinked() {
        return channelId != null && !templateVersions.isEmpty();
    }

    /** Decrypts with the current secret, then with the previous one while its grace period lasts. */
    public Optional<String> decrypt(String encryptedData, long now) {
        Optional<String> plain = PayloadCipher.decrypt(encryptedData, secret);
        if (plain.isEmpty() && previousSecret != null && now < previousSecretUntil) {
            plain = PayloadCipher.decrypt(encryptedData, previousSecret);
        }
        return plain;
    }

    @Override
    public String toString() {
        return "ProjectKeys[" + projectId + ", " + publicKey + ", keys hidden]";
    }
}
