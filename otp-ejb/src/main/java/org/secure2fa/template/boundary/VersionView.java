package org.secure2fa.template.boundary;

/** One language of a template: its ISO 639-1 code, subject (email), text body and optional HTML body. */
public record VersionView(String lang, String subject, String body, String htmlBody) implements java.io.Serializable {
}
