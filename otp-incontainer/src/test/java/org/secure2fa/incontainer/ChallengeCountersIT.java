package org.secure2fa.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secure2fa.challenge.boundary.ChallengeService;
import org.secure2fa.challenge.boundary.GenerateCommand;
import org.secure2fa.challenge.boundary.GenerateResult;
import org.secure2fa.challenge.boundary.GenerateStatus;
import org.secure2fa.challenge.boundary.VerificationResult;
import org.secure2fa.challenge.boundary.VerifyCommand;
import org.secure2fa.incontainer.Fixtures.TestProject;
import org.secure2fa.policy.OtpPolicy;

/**
 * The counters that guard a user's codes ({@code EndUser}, docs/api.md, OTP policy) under concurrency, through
 * the EJB itself: every racing call is a transaction of its own that must take the user's row lock.
 */
@ExtendWith(ArquillianExtension.class)
class ChallengeCountersIT {

    /** More racing calls than any of the limits allows. */
    private static final int RACERS = 12;
    private static final Pattern CODE = Pattern.compile("\\b(\\d{4,10})\\b");

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule();
    }

    @EJB
    ChallengeService challenges;

    @EJB
    Fixtures fixtures;

    /** The installation's defaults (otp.policy.*), which the test projects do not override. */
    @Inject
    OtpPolicy policy;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private TestProject project;
    private String uuid;

    @BeforeEach
    void newUser() {
        project = fixtures.project();
        uuid = "user-" + UUID.randomUUID();
        assertTrue(RACERS > policy.maxAttempts() && RACERS > policy.maxSends(), "the race must exceed the limits");
    }

    @Test
    void parallelWrongGuessesAreAllCountedAndBurnTheCode() throws Exception {
        String code = issueCode();
        Map<VerificationResult, Integer> answers = Parallel.counted(threads, RACERS, () -> verify(wrong(code)));

        assertEquals(Map.of(VerificationResult.REJECTED, policy.maxAttempts(),
                VerificationResult.EXHAUSTED, RACERS - policy.maxAttempts()), answers,
                "exactly the allowed attempts are answered as wrong, the rest find the code burned");
        assertEquals(policy.maxAttempts(), fixtures.number("select attempts from challenge where project_id = ?",
                project.id()));
        assertEquals(RACERS, fixtures.number("select consecutive_failures from end_user where project_id = ?",
                project.id()), "every guess counts towards the user's lockout, none lost to the race");
        assertEquals(VerificationResult.EXHAUSTED, verify(code), "the right code comes too late");
    }

    @Test
    void parallelSubmissionsOfTheRightCodeSucceedExactlyOnce() throws Exception {
        String code = issueCode();
        Map<VerificationResult, Integer> answers = Parallel.counted(threads, RACERS, () -> verify(code));

        assertEquals(Map.of(VerificationResult.VERIFIED, 1, VerificationResult.REJECTED, RACERS - 1), answers);
        assertEquals(1, fixtures.number("select count(*) from challenge where project_id = ? and status = 'VERIFIED' "
                + "and verified_at is not null", project.id()));
    }

    @Test
    void parallelGeneratesRespectTheSendQuota() throws Exception {
        Map<GenerateStatus, Integer> answers = Parallel.counted(threads, RACERS,
                () -> challenges.generate(generate(false)).status());

        assertEquals(Map.of(GenerateStatus.GENERATED, policy.maxSends(),
                GenerateStatus.RATE_LIMITED, RACERS - policy.maxSends()), answers);
        assertEquals(policy.maxSends(), fixtures.number("select sends_in_window from end_user where project_id = ?",
                project.id()));
        assertEquals(policy.maxSends(), fixtures.number("select count(*) from challenge where project_id = ?",
                project.id()), "a refused generate leaves no code behind");
        assertEquals(1, fixtures.number("select count(*) from challenge c join end_user u "
                + "on u.current_challenge_id = c.id where c.project_id = ? and c.status = 'ACTIVE'", project.id()),
                "one current code; each newer one superseded the one before");
        assertEquals(policy.maxSends(), fixtures.number("select count(*) from delivery where project_id = ?",
                project.id()), "one message per code sent, none for a refused generate");
    }

    /** A generate with template_request: the answer carries the rendered message, and so the code. */
    private String issueCode() {
        GenerateResult result = challenges.generate(generate(true));
        assertEquals(GenerateStatus.GENERATED, result.status());
        Matcher matcher = CODE.matcher(result.body());
        assertTrue(matcher.find(), "no code in " + result.body());
        return matcher.group(1);
    }

    private GenerateCommand generate(boolean templateRequest) {
        return new GenerateCommand(project.publicKey(), project.encrypt(uuid + "#user@example.com"), null, null, null,
                templateRequest);
    }

    private VerificationResult verify(String code) {
        return challenges.verify(new VerifyCommand(project.publicKey(), project.encrypt(uuid + "#" + code), null, null));
    }

    /** A code that is certainly not {@code code}. */
    static String wrong(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }
}
