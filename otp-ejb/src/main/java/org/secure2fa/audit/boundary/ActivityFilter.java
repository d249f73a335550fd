package org.secure2fa.audit.boundary;

/** Filters of the activity table; null or blank means "any". */
public record ActivityFilter(String kind, String outcome, String recipient) {
}
