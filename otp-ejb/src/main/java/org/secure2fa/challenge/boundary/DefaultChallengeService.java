package org.secure2fa.challenge.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.persistence.sessions.Session;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.challenge.control.ChallengeIds;
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
 * nodes because every change to them happens under that lock. Round trips are few on purpose (see
 * docs/benchmark.md): on PostgreSQL a generate is two statements, first or repeat (count the send and
 * point the user at the new code; retire the code it replaces and insert the new one), plus one for the
 * outbox; a verify with the right code is two (read the user and its code, locked; mark the code used).
 * Two statements differ on H2, which lacks {@code ON CONFLICT DO UPDATE} and data-modifying
 * {@code WITH}; its delta tables ({@code FINAL TABLE}, {@code OLD TABLE}) do the same in one more step.
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

    @Inject
    ChallengeIds ids;

    /** Whether the database is H2, whose SQL for two of the statements below differs; read once. */
    private Boolean h2;

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
        OptionalLong id = ids.next(this::nextChallengeId);
        if (id.isEmpty()) {
            return GenerateResult.of(GenerateStatus.UNAVAILABLE);
        }
        Challenge challenge = new Challenge(id.getAsLong(), project.projectId(), userKey,
                keyring.codeHash(userKey, code), 0, policy.maxAttempts(), now, now + policy.lifetimeMillis(), masked,
                project.channelType().name(), message.lang(), command.ipAddress(),
                command.userAgent() == null ? null : keyring.fingerprint(command.userAgent()),
                command.templateRequest());
        Optional<Long> replaced = countSend(challenge, policy, now);
        if (replaced.isEmpty()) {
            audit.api(project.projectId(), "GENERATE", "RATE_LIMITED", masked, command.ipAddress(), now);
            return GenerateResult.of(GenerateStatus.RATE_LIMITED);
        }
        insertReplacing(challenge, replaced.get(), now);
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
        List<?> locked = em.createNamedQuery(EndUser.LOCK_WITH_CURRENT).setParameter(1, userKey).getResultList();
        EndUser user;
        Challenge current;
        if (locked.isEmpty()) {
            user = em.find(EndUser.class, userKey, LockModeType.PESSIMISTIC_WRITE);
            current = em.find(Challenge.class,
                    user == null || user.getCurrentChallengeId() == null ? -1L : user.getCurrentChallengeId());
        } else {
            Object[] row = (Object[]) locked.get(0);
            user = (EndUser) row[0];
            current = (Challenge) row[1];
        }
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

    /** The next id of {@code challenge_seq}, from the block the persistence provider has reserved. */
    private long nextChallengeId() {
        return em.unwrap(Session.class).getNextSequenceNumberValue(Challenge.class).longValue();
    }

    private boolean onH2() {
        if (h2 == null) {
            h2 = em.unwrap(Session.class).getPlatform().isH2();
        }
        return h2;
    }

    /**
     * Counts a send to the challenge's user (creating the user's row at the first) and points the user
     * at the challenge, under the row's lock; returns the id of the challenge it replaces, -1 for none,
     * or nothing when the send quota is spent or the user is locked out.
     */
    private Optional<Long> countSend(Challenge challenge, OtpPolicy policy, long now) {
        long windowStart = now - policy.sendWindowMillis();
        long lockoutStart = now - policy.lockoutMillis();
        List<?> replaced;
        if (onH2()) {
            int inserted = em.createNamedQuery(EndUser.INSERT_FIRST_SEND_H2)
                    .setParameter(1, challenge.getUserKey()).setParameter(2, challenge.getProjectId())
                    .setParameter(3, now).setParameter(4, challenge.getId())
                    .executeUpdate();
            if (inserted == 1) {
                return Optional.of(-1L);
            }
            replaced = em.createNamedQuery(EndUser.COUNT_SEND_H2)
                    .setParameter(1, windowStart).setParameter(2, windowStart).setParameter(3, now)
                    .setParameter(4, challenge.getId()).setParameter(5, challenge.getUserKey())
                    .setParameter(6, windowStart).setParameter(7, policy.maxSends())
                    .setParameter(8, policy.lockoutFailures()).setParameter(9, lockoutStart)
                    .getResultList();
        } else {
            replaced = em.createNamedQuery(EndUser.COUNT_SEND_POSTGRESQL)
                    .setParameter(1, challenge.getUserKey()).setParameter(2, challenge.getProjectId())
                    .setParameter(3, now).setParameter(4, challenge.getId())
                    .setParameter(5, windowStart).setParameter(6, windowStart).setParameter(7, windowStart)
                    .setParameter(8, policy.maxSends()).setParameter(9, policy.lockoutFailures())
                    .setParameter(10, lockoutStart)
                    .getResultList();
        }
        if (replaced.isEmpty()) {
            return Optional.empty();
        }
        Object id = replaced.get(0);
        return Optional.of(id == null ? -1L : ((Number) id).longValue());
    }

    /**
     * Writes the new challenge and retires the one it replaces if that is still active, carrying over
     * its wrong attempts while it was still valid (a resend never resets them). The user's row is locked
     * by {@link #countSend} already; this runs as a statement of its own after that one, so that it sees
     * the replaced challenge even when a concurrent generate committed it while the lock was awaited.
     */
    private void insertReplacing(Challenge challenge, long replacedId, long now) {
        if (onH2()) {
            int carried = 0;
            if (replacedId >= 0) {
                List<?> replaced = em.createNamedQuery(Challenge.SUPERSEDE_H2).setParameter(1, replacedId)
                        .getResultList();
                if (!replaced.isEmpty()) {
                    Object[] row = (Object[]) replaced.get(0);
                    carried = ((Number) row[1]).longValue() > now ? ((Number) row[0]).intValue() : 0;
                }
            }
            bindColumns(em.createNamedQuery(Challenge.INSERT_H2), 1, challenge, carried).executeUpdate();
        } else {
            Query insert = em.createNamedQuery(Challenge.SUPERSEDE_AND_INSERT_POSTGRESQL)
                    .setParameter(1, replacedId);
            bindColumns(insert, 2, challenge, now).executeUpdate();
        }
    }

    /**
     * Binds the challenge's columns in {@link Challenge#INSERT_H2}'s order from parameter {@code first};
     * {@code attemptsValue} goes in the attempts' place (the attempts themselves on H2, now on PostgreSQL).
     */
    private static Query bindColumns(Query query, int first, Challenge challenge, long attemptsValue) {
        int i = first;
        return query.setParameter(i++, challenge.getId()).setParameter(i++, challenge.getProjectId())
                .setParameter(i++, challenge.getUserKey()).setParameter(i++, challenge.getCodeHash())
                .setParameter(i++, attemptsValue).setParameter(i++, challenge.getMaxAttempts())
                .setParameter(i++, challenge.getCreatedAt()).setParameter(i++, challenge.getExpiresAt())
                .setParameter(i++, challenge.getRecipientMasked()).setParameter(i++, challenge.getChannelType())
                .setParameter(i++, challenge.getLang()).setParameter(i++, challenge.getIpAddress())
                .setParameter(i++, challenge.getUserAgentHash()).setParameter(i, challenge.isTemplateRequest());
    }

}
