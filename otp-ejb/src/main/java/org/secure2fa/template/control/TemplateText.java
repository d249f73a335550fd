package org.secure2fa.template.control;

/** The words of one template version, detached from JPA so it can be cached. */
public record TemplateText(String lang, String subject, String body, String htmlBody) {
}
