package org.secure2fa.template.control;

/** A template version with the code filled in. */
public record RenderedMessage(String lang, String subject, String body, String htmlBody) {
}
