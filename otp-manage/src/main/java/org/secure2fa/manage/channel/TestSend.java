package org.secure2fa.manage.channel;

import jakarta.validation.constraints.NotBlank;

/** A test message to send through a channel now: an email address or an E.164 phone number. */
public record TestSend(@NotBlank String recipient) {
}
