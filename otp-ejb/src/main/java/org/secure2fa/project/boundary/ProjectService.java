package org.secure2fa.project.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.secure2fa.account.control.Tenancy;
import org.secure2fa.account.control.TotpCheck;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.challenge.boundary.ChallengeService;
import org.secure2fa.challenge.boundary.GenerateCommand;
import org.secure2fa.challenge.boundary.GenerateResult;
import org.secure2fa.challenge.control.Recipients;
import org.secure2fa.crypto.PayloadCipher;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.delivery.entity.Channel;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.platform.boundary.InvalidInputException;
import org.secure2fa.platform.boundary.PreconditionFailedException;
import org.secure2fa.platform.control.Names;
import org.secure2fa.project.control.KeyMaterial;
import org.secure2fa.project.control.ProjectDeleting;
import org.secure2fa.project.control.ProjectDirectory;
import org.secure2fa.project.entity.Project;
import org.secure2fa.template.entity.Template;

/**
 * Projects of one account: keys, rotation, policy overrides, linked channel and template. Deleting a
 * project asks the features that keep its rows to delete them ({@link ProjectDeleting}).
 */
@Stateless
public class ProjectService {

    public static final int MAX_GRACE_HOURS = 72;
    /** The user id test codes from the console are issued to (verify them with it). */
    public static final String TEST_UUID = "console-test";

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    @Inject
    ProjectDirectory directory;

    @Inject
    TotpCheck totp;

    @Inject
    Tenancy tenancy;

    @Inject
    Event<ProjectDeleting> deleting;

    @Inject
    AuditLog audit;

    @Inject
    ChallengeService challenges;

    public List<ProjectView> list(long accountId) {
        return em.createQuery("select p from Project p where p.accountId = :account order by p.name, p.id",
                Project.class).setParameter("account", accountId).getResultList().stream().map(ProjectService::view)
                .toList();
    }

    public ProjectView get(long accountId, long projectId) {
        return view(owned(accountId, projectId));
    }

    public IssuedKeys create(long accountId, String name, String ip) {
        String publicKey = KeyMaterial.newPublicKey();
        String secret = KeyMaterial.newSecretKey();
        Project project = new Project(Names.checked(name), publicKey, keyring.seal(secret), System.currentTimeMillis());
        project.setAccountId(accountId);
        em.persist(project);
        em.flush();
        audit.console(accountId, project.getId(), "PROJECT_CREATED", "OK", project.getName(), ip);
        return new IssuedKeys(project.getId(), publicKey, secret);
    }

    public ProjectView update(long accountId, long projectId, ProjectChanges changes, String ip) {
        return update(accountId, projectId, changes, null, ip);
    }

    /**
     * As {@link #update}, only if the project is still as the caller read it: {@code expectedTag} is the
     * {@link ProjectView#tag()} it saw (null: no condition). The row is locked while the tag is compared,
     * so two conditional edits of one version cannot both win.
     */
    public ProjectView update(long accountId, long projectId, ProjectChanges changes, String expectedTag, String ip) {
        Project project = owned(accountId, projectId);
        if (expectedTag != null) {
            em.lock(project, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(project);
            if (!expectedTag.equals(view(project).tag())) {
                throw new PreconditionFailedException("The project");
            }
        }
        project.setName(Names.checked(changes.name()));
        project.setCodeDigits(range("codeDigits", changes.codeDigits(), 4, 10, "Code length"));
        Integer minutes = range("codeLifetime", changes.codeLifetimeMinutes(), 1, 60, "Code lifetime");
        project.setCodeLifetimeSeconds(minutes == null ? null : minutes * 60);
        project.setMaxAttempts(range("maxAttempts", changes.maxAttempts(), 1, 10, "Attempts per code"));
        project.setDeviceCheck(changes.deviceCheck());
        project.setTemplateRequests(changes.templateRequests());
        Channel channel = changes.channelId() == null ? null
                : tenancy.owned(Channel.class, accountId, changes.channelId(), "Channel");
        Template template = changes.templateId() == null ? null
                : tenancy.owned(Template.class, accountId, changes.templateId(), "Template");
        project.link(channel, template);
        directory.evict(project.getPublicKey());
        audit.console(accountId, projectId, "PROJECT_UPDATED", "OK",
                "channel " + changes.channelId() + ", template " + changes.templateId()
                        + ", template requests " + (changes.templateRequests() ? "on" : "off"), ip);
        return view(project);
    }

    /** The current secret again, after a fresh TOTP code; empty when the code is not right. */
    public Optional<String> revealSecret(long accountId, long projectId, String totpCode, String ip) {
        Project project = owned(accountId, projectId);
        if (!totp.reauthenticate(accountId, totpCode, "reveal secret of project " + projectId, ip)) {
            return Optional.empty();
        }
        audit.console(accountId, projectId, "SECRET_REVEALED", "OK", null, ip);
        return Optional.of(keyring.open(project.getSecretSealed()));
    }

    /**
     * A new secret, after a fresh TOTP code (it is shown, so this is a secret reveal too); the old one is
     * still accepted for {@code graceHours} (0 ends it at once). Empty when the code is not right.
     */
    public Optional<IssuedKeys> rotate(long accountId, long projectId, int graceHours, String totpCode, String ip) {
        if (graceHours < 0 || graceHours > MAX_GRACE_HOURS) {
            throw new InvalidInputException("graceHours", "The grace period is 0 to " + MAX_GRACE_HOURS + " hours.");
        }
        Project project = owned(accountId, projectId);
        if (!totp.reauthenticate(accountId, totpCode, "rotate secret of project " + projectId, ip)) {
            return Optional.empty();
        }
        return Optional.of(newSecret(project, graceHours, ip));
    }

    /**
     * The management API's rotation: as {@link #rotate}, where the read-write API token the API has
     * checked stands for the fresh TOTP code (an API caller has no authenticator app).
     */
    public IssuedKeys rotateForApi(long accountId, long projectId, int graceHours, String ip) {
        if (graceHours < 0 || graceHours > MAX_GRACE_HOURS) {
            throw new InvalidInputException("graceHours", "The grace period is 0 to " + MAX_GRACE_HOURS + " hours.");
        }
        return newSecret(owned(accountId, projectId), graceHours, ip);
    }

    private IssuedKeys newSecret(Project project, int graceHours, String ip) {
        String secret = KeyMaterial.newSecretKey();
        project.rotateSecret(keyring.seal(secret), System.currentTimeMillis() + graceHours * 3_600_000L);
        directory.evict(project.getPublicKey());
        audit.console(project.getAccountId(), project.getId(), "SECRET_ROTATED", "OK", "grace " + graceHours + " h", ip);
        return new IssuedKeys(project.getId(), project.getPublicKey(), secret);
    }

    /**
     * Sends a real code to {@code recipient} through the project's channel and template: a generate call
     * as an integrator's backend makes it (a payload sealed with the project's current secret key, for
     * the user {@link #TEST_UUID}), so the same checks, send limits and delivery apply. No device facts
     * are stored with it, so it verifies from anywhere.
     */
    public TestCodeSent sendTestCode(long accountId, long projectId, String recipient, String ip) {
        Project project = owned(accountId, projectId);
        String to = recipient == null ? "" : recipient.strip();
        Channel channel = project.getChannel();
        if (channel != null && !Recipients.fits(channel.getType(), to)) {
            throw new InvalidInputException("testRecipient", channel.getType() == ChannelType.SMS
                    ? "This project's channel sends SMS: enter a phone number in E.164, such as +14155552671."
                    : "This project's channel sends email: enter an email address.");
        }
        String payload = PayloadCipher.encrypt(TEST_UUID + "#" + to,
                PayloadCipher.keyOf(keyring.open(project.getSecretSealed())).orElseThrow());
        GenerateResult result = challenges.generate(new GenerateCommand(project.getPublicKey(), payload, null, null,
                null, false));
        String masked = to.isEmpty() ? null : Recipients.mask(to);
        audit.console(accountId, projectId, "TEST_CODE", result.status().name(), masked, ip);
        return new TestCodeSent(result.status(), masked, TEST_UUID, channel == null ? null : channel.getName(),
                project.getTemplate() == null ? null : project.getTemplate().getName());
    }

    /** Deletes a project with its codes, deliveries and counters (the audit log keeps its events). */
    public void delete(long accountId, long projectId, String ip) {
        Project project = owned(accountId, projectId);
        directory.evict(project.getPublicKey());
        deleting.fire(new ProjectDeleting(projectId));
        em.remove(project);
        audit.console(accountId, projectId, "PROJECT_DELETED", "OK", project.getName(), ip);
    }

    private Project owned(long accountId, long projectId) {
        return tenancy.owned(Project.class, accountId, projectId, "Project");
    }

    private static Integer range(String field, Integer value, int min, int max, String label) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidInputException(field, label + " must be between " + min + " and " + max + ".");
        }
        return value;
    }

    private static ProjectView view(Project p) {
        return new ProjectView(p.getId(), p.getName(), p.getPublicKey(),
                p.getChannel() == null ? null : p.getChannel().getId(),
                p.getChannel() == null ? null : p.getChannel().getName(),
                p.getTemplate() == null ? null : p.getTemplate().getId(),
                p.getTemplate() == null ? null : p.getTemplate().getName(),
                p.getCodeDigits(), p.getCodeLifetimeSeconds() == null ? null : p.getCodeLifetimeSeconds() / 60,
                p.getMaxAttempts(), p.getDeviceCheck(), p.getPreviousSecretUntil(), p.isTemplateRequests(), p.getCreatedAt());
    }
}
