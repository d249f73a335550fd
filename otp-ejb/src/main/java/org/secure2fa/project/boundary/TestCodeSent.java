package org.secure2fa.project.boundary;

import org.secure2fa.challenge.boundary.GenerateStatus;

/**
 * What a test code from the console came to: the generate call's own outcome, the masked recipient, and
 * the user id the code belongs to (to verify it through the API with).
 */
public record TestCodeSent(GenerateStatus status, String maskedRecipient, String uuid, String channelName,
                           String templateName) {
}
