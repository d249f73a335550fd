package org.secure2fa.challenge.boundary;

import jakarta.ejb.Local;

/** Issues and checks one-time codes: the two calls of the public API. */
@Local
public interface ChallengeService {

    GenerateResult generate(GenerateCommand command);

    VerificationResult verify(VerifyCommand command);
}
