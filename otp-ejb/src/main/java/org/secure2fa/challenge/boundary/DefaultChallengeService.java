package org.secure2fa.challenge.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.challenge.control.CodeGenerator;
import org.secure2fa.challenge.control.Payload;
import org.secure2fa.challenge.control.Recipients;
import org.secure2fa.challenge.entity.Challenge;
import org.secure2fa.challenge.entity.ChallengeStatus;
import org.secure2fa.challenge.entity.EndUser;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.delivery.control.DeliveryBacklog;
import org.secure2fa.delivery.control.DeliveryQueued;
import org.secure2fa.delivery.control.Settings;
import org.secure2fa.delivery.entity.Delivery;
import org.secure2fa.policy.OtpPolicy;
import org.secure2fa.project.control.ProjectDirectory;
import org.secure2fa.project.control.ProjectKeys;
import org.secure2fa.template.control.RenderedMessage;
import org.secure2fa.template.control.TemplateRenderer;

/**
 * Generate and verify, each one transaction that starts by locking the user's {@link EndUser} row
 * (generate through the insert or conditional update that counts the send, verify with
 * {@code SELECT … FOR UPDATE}): send quotas, attempt counters and single use hold across threads and
 * nodes because every change to them happens under that lock. Round trips are few on purpose: a
 * first generate for a user is one insert for the counters, one for the challenge, one for the outbox.
 */
@Stateless
public class DefaultChallengeService implements ChallengeService {

    /** Stands in for a user when the payload did not decrypt, so that path does the same lookups. */
    private static final String NO_USER = "\u0000no-user";

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    ProjectDirectory projects;

    @Inject
    Keyring keyring;

    @Inject
    AuditLog audit;

    @Inject
    DeliveryBacklog backlog;

    @Inject
    Event<DeliveryQueued> queued;

    @Override
    public GenerateResult generate(GenerateCommand command) {
        long now = System.currentTimeMillis();
        Optional<ProjectKeys> found = projects.byPublicKey(command.publicKey(), now);
        if (found.isEmpty()) {
            return GenerateResult.of(GenerateStatus.INVALID_CREDENTIALS);
        }
        ProjectKeys project = found.get();
        if (!project.isLinked()) {
            audit.api(project.projectId(), "GENERATE", "NOT_LINKED", null, command.ipAddress(), now);
            return GenerateResult.of(GenerateStatus.NOT_LINKED);
        }
        if (command.templateRequest() && !project.templateRequests()) {
            audit.api(project.projectId(), "GENERATE", "TEMPLATE_REQUESTS_OFF", null, command.ipAddress(), now);
            return GenerateResult.of(GenerateStatus.TEMPLATE_REQUESTS_OFF);
        }
        Optional<Payload> payload = project.decrypt(command.encryptedData(), now).flatMap(Payload::parse)
                .filter(p -> Recipients.fits(project.channelType(), p.value()));
        if (payload.isEmpty()) {
            audit.api(project.projectId(), "GENERATE", "INVALID_PAYLOAD", null, command.ipAddress(), now);
            return GenerateResult.of(GenerateStatus.INVALID_CREDENTIALS);
        }
        if (!command.templateRequest() && backlog.isFull()) {
            return GenerateResult.of(GenerateStatus.UNAVAILABLE);
        }
        OtpPolicy policy = project.policy();
        String recipient = payload.get().value();
        String masked = Recipients.mask(recipient);
        String userKey = keyring.userKey(project.projectId(), payload.get().uuid());
        String code = CodeGenerator.next(policy.digits());
        RenderedMessage message = TemplateRenderer.render(project.templateVersions(), command.lang(), code);
        Challenge challenge = new Challenge(project.projectId(), userKey, keyring.codeHash(userKey, code),
                0, policy.maxAttempts(), now, now + policy.lifetimeMillis(), masked,
                project.channelType().name(), message.lang(), command.ipAddress(),
                command.userAgent() == null ? null : keyring.fingerprint(command.userAgent()),
                command.templateRequest());
        em.persist(challenge); // the id is assigned now; the row is written at flush
        boolean firstSeen = countFirstSend(userKey, project.projectId(), challenge.getId(), now);
        if (!firstSeen && !countSend(userKey, policy, now)) {
            em.remove(challenge);
            audit.api(project.projectId(), "GENERATE", "RATE_LIMITED", masked, command.ipAddress(), now);
            return GenerateResult.of(GenerateStatus.RATE_LIMITED);
        }
        if (!firstSeen) {
            supersedeCurrent(userKey, challenge, now);
        }
        // the challenge row is the record of a successful generate: no audit row on the hot path
        if (command.templateRequest()) {
            return new GenerateResult(GenerateStatus.GENERATED, message.subject(), message.body());
        }
        Map<String, String> content = new LinkedHashMap<>();
        content.put("type", project.channelType().name());
        content.put("to", recipient);
        content.put("subject", message.subject());
        content.put("body", message.body());
        content.put("html", message.htmlBody());
        Delivery delivery = new Delivery(challenge.getId(), project.projectId(), project.channelId(),
                keyring.seal(Settings.toJson(content)), now);
        em.persist(delivery);
        queued.fire(new DeliveryQueued(delivery.getId()));
        return GenerateResult.of(GenerateStatus.GENERATED);
    }

    @Override
    public VerificationResult verify(VerifyCommand command) {
        long now = System.currentTimeMillis();
        Optional<ProjectKeys> project = projects.byPublicKey(command.publicKey(), now);
        Optional<Payload> payload = project.flatMap(p -> p.decrypt(command.encryptedData(), now))
                .flatMap(Payload::parse);
        long projectId = project.map(ProjectKeys::projectId).orElse(-1L);
        String userKey = keyring.userKey(projectId, payload.map(Payload::uuid).orElse(NO_USER));
        EndUser user = em.find(EndUser.class, userKey, LockModeType.PESSIMISTIC_WRITE);
        Challenge current = em.find(Challenge.class,
                user == null || user.getCurrentChallengeId() == null ? -1L : user.getCurrentChallengeId());
        if (project.isEmpty() || payload.isEmpty() || user == null) {
            project.ifPresent(p -> audit.api(p.projectId(), "VERIFY", "REJECTED", null, command.ipAddress(), now));
            return VerificationResult.REJECTED;
        }
        OtpPolicy policy = project.get().policy();
        if (user.isLockedOut(policy.lockoutFailures(), policy.lockoutMillis(), now)) {
            // not counted: a locked-out user's lockout must not be extended by whoever keeps guessing
            return VerificationResult.EXHAUSTED;
        }
        VerificationResult result = check(current, payload.get().value(), policy, command, now);
        if (result == VerificationResult.VERIFIED) {
            // the challenge's verified_at records it: no audit row on the hot path
            user.succeeded();
        } else {
            user.failed(policy.lockoutFailures(), policy.lockoutMillis(), now);
            // the masked recipient of the code that was tried, for the owner's activity table
            audit.api(projectId, "VERIFY", result.name(), current == null ? null : current.getRecipientMasked(),
                    command.ipAddress(), now);
        }
        return result;
    }

    private VerificationResult check(Challenge challenge, String code, OtpPolicy policy, VerifyCommand command,
                                     long now) {
        if (challenge == null) {
            return VerificationResult.REJECTED;
        }
        if (challenge.getStatus() == ChallengeStatus.BURNED && !challenge.isExpired(now)) {
            return VerificationResult.EXHAUSTED;
        }
        if (challenge.getStatus() != ChallengeStatus.ACTIVE || challenge.isExpired(now)) {
            return VerificationResult.REJECTED;
        }
        if (!sameDevice(challenge, policy, command)) {
            challenge.wrongAttempt();
            return VerificationResult.UNAUTHORIZED_DEVICE;
        }
        if (Keyring.same(challenge.getCodeHash(), keyring.codeHash(challenge.getUserKey(), code))) {
            challenge.verified(now);
            return VerificationResult.VERIFIED;
        }
        challenge.wrongAttempt();
        return VerificationResult.REJECTED;
    }

    /** Each fact is compared only when it was given at both calls (the seed's rule). */
    private boolean sameDevice(Challenge challenge, OtpPolicy policy, VerifyCommand command) {
        if (policy.deviceCheck().checksIp() && challenge.getIpAddress() != null && command.ipAddress() != null
                && !challenge.getIpAddress().equals(command.ipAddress())) {
            return false;
        }
        return !(policy.deviceCheck().checksUserAgent() && challenge.getUserAgentHash() != null
                && command.userAgent() != null
                && !Keyring.same(challenge.getUserAgentHash(), keyring.fingerprint(command.userAgent())));
    }

    /** True if this is the user's first generate: the row was created with this send counted. */
    private boolean countFirstSend(String userKey, long projectId, long challengeId, long now) {
        return em.createNamedQuery(EndUser.INSERT_FIRST_SEND)
                .setParameter(1, userKey).setParameter(2, projectId).setParameter(3, now)
                .setParameter(4, challengeId)
                .executeUpdate() == 1;
    }

    /** Counts a send of a known user; false when the send quota is spent or the user is locked out. */
    private boolean countSend(String userKey, OtpPolicy policy, long now) {
        long windowStart = now - policy.sendWindowMillis();
        return em.createNamedQuery(EndUser.COUNT_SEND)
                .setParameter(1, windowStart).setParameter(2, windowStart).setParameter(3, now)
                .setParameter(4, userKey).setParameter(5, windowStart).setParameter(6, policy.maxSends())
                .setParameter(7, policy.lockoutFailures()).setParameter(8, now - policy.lockoutMillis())
                .executeUpdate() == 1;
    }

    /**
     * Points the user at the new challenge and retires the one it replaces, carrying that one's wrong
     * attempts over while it was still valid. The user's row is locked by {@link #countSend} already.
     */
    private void supersedeCurrent(String userKey, Challenge challenge, long now) {
        EndUser user = em.find(EndUser.class, userKey);
        Long previousId = user.getCurrentChallengeId();
        user.pointAt(challenge.getId());
        Challenge previous = previousId == null ? null : em.find(Challenge.class, previousId);
        if (previous == null || previous.getStatus() != ChallengeStatus.ACTIVE) {
            return;
        }
        if (!previous.isExpired(now) && previous.getAttempts() > 0) {
            challenge.carryAttempts(previous.getAttempts());
        }
        previous.supersede();
    }

}
