package org.secure2fa.project.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import org.secure2fa.platform.boundary.EntityTags;
import org.secure2fa.policy.DeviceCheck;

/** A project as listed and edited; never carries a secret. Null policy fields mean "the server default". */
public record ProjectView(long id, String name, String publicKey, Long channelId, String channelName,
                          Long templateId, String templateName, Integer codeDigits,
                          Integer codeLifetimeMinutes, Integer maxAttempts, DeviceCheck deviceCheck,
                          Long previousSecretUntil, boolean templateRequests, long createdAt) implements java.io.Serializable {

    /** The entity tag of this state ({@link EntityTags}). */
    public String tag() {
        return EntityTags.of(this);
    }

    /** Whether the project can issue codes: it has a channel and a template. */
    @JsonbProperty("linked")
    public boolean isLinked() {
        return channelId != null && templateId != null;
    }
}
