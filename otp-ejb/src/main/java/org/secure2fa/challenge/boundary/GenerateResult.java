package org.secure2fa.challenge.boundary;

/** The outcome of a generate call; subject and body only for a template request. */
public record GenerateResult(GenerateStatus status, String subject, String body) {

    public static GenerateResult of(GenerateStatus status) {
        return new GenerateResult(status, null, null);
    }
}
