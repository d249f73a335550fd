package org.secure2fa.manage.channel;

/** What the provider said to a test message, in words. */
public record TestResult(String result) {
}
