package org.secure2fa.project.boundary;

import org.secure2fa.policy.DeviceCheck;

/** A project's settings as an edit sends them; null policy fields mean "the server default". */
public record ProjectChanges(String name, Integer codeDigits, Integer codeLifetimeMinutes, Integer maxAttempts,
                             DeviceCheck deviceCheck, Long channelId, Long templateId, boolean templateRequests) {
}
