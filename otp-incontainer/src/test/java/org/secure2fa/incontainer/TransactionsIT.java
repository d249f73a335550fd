package org.secure2fa.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secure2fa.challenge.boundary.ChallengeService;
import org.secure2fa.challenge.boundary.GenerateCommand;
import org.secure2fa.challenge.boundary.GenerateResult;
import org.secure2fa.challenge.boundary.VerificationResult;
import org.secure2fa.challenge.boundary.VerifyCommand;
import org.secure2fa.delivery.boundary.ChannelChanges;
import org.secure2fa.delivery.boundary.ChannelService;
import org.secure2fa.delivery.boundary.ChannelView;
import org.secure2fa.delivery.provider.DevOutboxProvider;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.incontainer.Fixtures.TestProject;
import org.secure2fa.platform.boundary.InvalidInputException;

/**
 * What a boundary's transaction keeps: nothing of a request refused with a business exception, even
 * rows it had already written; everything of a wrong code, which is an answer and not an exception.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionsIT {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{4,10})\\b");

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule();
    }

    @EJB
    ChannelService channels;

    @EJB
    ChallengeService challenges;

    @EJB
    Fixtures fixtures;

    @Test
    void aRefusedRequestLeavesNothingOfWhatItHadWritten() {
        long account = fixtures.newAccountId();
        ChannelView sms = channels.create(account, new ChannelChanges("SMS channel", ChannelType.SMS,
                DevOutboxProvider.ID, Map.of(), null), Fixtures.IP);

        // create() inserts the channel and flushes it, then finds the fallback of the wrong type
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> channels.create(account,
                new ChannelChanges("email channel", ChannelType.EMAIL, DevOutboxProvider.ID, Map.of(), sms.id()),
                Fixtures.IP));

        assertEquals("fallback", refused.getField());
        assertEquals(0, fixtures.number("select count(*) from channel where account_id = ? and name = 'email channel'",
                account), "the inserted channel was rolled back with the request");
        assertEquals(1, fixtures.number("select count(*) from channel where account_id = ?", account));
        assertEquals(1, fixtures.number("select count(*) from audit_event where account_id = ? "
                + "and action = 'CHANNEL_CREATED'", account), "only the first channel's creation is on record");
    }

    @Test
    void aWrongCodeIsKeptAsAnAttempt() {
        TestProject project = fixtures.project();
        String uuid = "user-" + UUID.randomUUID();
        GenerateResult issued = challenges.generate(new GenerateCommand(project.publicKey(),
                project.encrypt(uuid + "#user@example.com"), null, null, null, true));
        Matcher code = CODE.matcher(issued.body());
        assertTrue(code.find(), "no code in " + issued.body());

        assertEquals(VerificationResult.REJECTED, verify(project, uuid, ChallengeCountersIT.wrong(code.group(1))));

        assertEquals(1, fixtures.number("select attempts from challenge where project_id = ?", project.id()),
                "the attempt was committed");
        assertEquals(1, fixtures.number("select consecutive_failures from end_user where project_id = ?",
                project.id()));
        assertEquals(1, fixtures.number("select count(*) from audit_event where project_id = ? and action = 'VERIFY' "
                + "and outcome = 'REJECTED'", project.id()));
        assertEquals(VerificationResult.VERIFIED, verify(project, uuid, code.group(1)), "one attempt used, not all");
        assertEquals(0, fixtures.number("select consecutive_failures from end_user where project_id = ?",
                project.id()), "a success ends the run of failures");
    }

    private VerificationResult verify(TestProject project, String uuid, String code) {
        return challenges.verify(new VerifyCommand(project.publicKey(), project.encrypt(uuid + "#" + code), null, null));
    }
}
