package org.secure2fa.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.secure2fa.challenge.boundary.GenerateStatus;
import org.secure2fa.delivery.boundary.ChannelService;
import org.secure2fa.delivery.boundary.ChannelView;
import org.secure2fa.delivery.spi.ChannelType;
import org.secure2fa.policy.DeviceCheck;
import org.secure2fa.project.boundary.IssuedKeys;
import org.secure2fa.project.boundary.ProjectChanges;
import org.secure2fa.project.boundary.ProjectService;
import org.secure2fa.project.boundary.ProjectView;
import org.secure2fa.project.boundary.TestCodeSent;
import org.secure2fa.template.boundary.TemplateService;
import org.secure2fa.template.boundary.TemplateView;

/**
 * One project: keys, secret reveal and rotation, integration snippets, a test code, policy, linked channel
 * and template, deletion.
 */
@Named
@ViewScoped
public class ProjectBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter GRACE_FORMAT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    ProjectService projects;

    @Inject
    ChannelService channels;

    @Inject
    TemplateService templates;

    @Inject
    ConsoleSession session;

    @Inject
    KeysDisplay keysDisplay;

    private Long id;
    private ProjectView project;
    private transient String secret;
    private String name;
    private Integer codeDigits;
    private Integer codeLifetimeMinutes;
    private Integer maxAttempts;
    private DeviceCheck deviceCheck;
    private Long channelId;
    private Long templateId;
    private boolean templateRequests = true;
    private String revealCode;
    private String rotateCode;
    private Integer graceHours = 24;
    private List<ChannelView> channelOptions;
    private List<TemplateView> templateOptions;
    private String testRecipient;
    private String testCodeAnswer;
    private boolean testCodeSent;
    private transient List<IntegrationSnippets.Snippet> snippets;

    public void load() {
        if (id == null) {
            Web.error("Project not found.");
            return;
        }
        project = Web.attempt(() -> projects.get(session.getAccountId(), id));
        if (project == null) {
            return;
        }
        fill(project);
        IssuedKeys keys = keysDisplay.take(id);
        if (keys != null) {
            secret = keys.secretKey();
        }
        channelOptions = channels.list(session.getAccountId());
        templateOptions = templates.list(session.getAccountId());
    }

    public void save() {
        ProjectView saved = Web.attempt(() -> projects.update(session.getAccountId(), id, new ProjectChanges(name,
                codeDigits, codeLifetimeMinutes, maxAttempts, deviceCheck, channelId, templateId, templateRequests), Web.ip()));
        if (saved != null) {
            project = saved;
            fill(saved);
            Web.info("Project saved.");
        }
    }

    public void reveal() {
        String shown = Web.withFreshCode("revealCode",
                () -> projects.revealSecret(session.getAccountId(), id, revealCode, Web.ip()));
        revealCode = null;
        if (shown != null) {
            secret = shown;
        }
    }

    public void rotate() {
        int hours = graceHours == null ? -1 : graceHours;
        var rotated = Web.withFreshCode("rotateCode",
                () -> projects.rotate(session.getAccountId(), id, hours, rotateCode, Web.ip()));
        rotateCode = null;
        if (rotated == null) {
            return;
        }
        secret = rotated.secretKey();
        project = projects.get(session.getAccountId(), id);
        Web.info(hours == 0 ? "New secret key created; the old one no longer works."
                : "New secret key created; the old one still works for " + hours + " hours.");
    }

    public void delete() {
        if (Web.attempt(() -> projects.delete(session.getAccountId(), id, Web.ip()))) {
            Web.info("Project deleted.");
            Web.keepMessages();
            Web.redirect("/app/dashboard.xhtml");
        }
    }

    /** A real code through the project's channel and template; the outcome in words under the button. */
    public void sendTestCode() {
        TestCodeSent sent = Web.attempt(() -> projects.sendTestCode(session.getAccountId(), id, testRecipient, Web.ip()));
        if (sent == null) {
            testCodeAnswer = null;
            return;
        }
        testCodeSent = sent.status() == GenerateStatus.GENERATED;
        testCodeAnswer = switch (sent.status()) {
            case GENERATED -> "Sent: a code is on its way to " + sent.maskedRecipient() + " through the channel "
                    + sent.channelName() + " with the template " + sent.templateName() + ". It belongs to the user id "
                    + sent.uuid() + ": verify it with that uuid (the snippets below do). The Activity page shows "
                    + "whether the provider delivered it.";
            case NOT_LINKED -> "Not sent: link a channel and a template to this project first (Settings, below), "
                    + "then save.";
            case RATE_LIMITED -> "Not sent: the test user " + sent.uuid() + " has had as many codes as any user may "
                    + "have in the send window (or is locked out). Try again in a few minutes.";
            case UNAVAILABLE -> "Not sent: the delivery queue is full right now. Try again in a minute.";
            case INVALID_CREDENTIALS -> "Not sent: the address was refused. Check that it is an address this "
                    + "project's channel can send to.";
            case TEMPLATE_REQUESTS_OFF -> "Not sent: template requests are turned off for this project.";
        };
    }

    /** What the test code's field asks for: the linked channel's kind of address. */
    public String getTestRecipientLabel() {
        ChannelType type = channelOptions == null || project == null || project.channelId() == null ? null
                : channelOptions.stream().filter(c -> c.id() == project.channelId().longValue()).map(ChannelView::type)
                        .findFirst().orElse(null);
        return type == ChannelType.SMS ? "Phone number (+14155552671)"
                : type == ChannelType.EMAIL ? "Email address" : "Email address or phone number (+14155552671)";
    }

    /**
     * Where the API is, for the snippets: the console's configured public address ({@code
     * otp.console.public-url}), else the address this page was asked for, with the API's context root.
     */
    public String getApiBase() {
        String base = ConfigProvider.getConfig().getOptionalValue("otp.console.public-url", String.class)
                .filter(s -> !s.isBlank()).orElseGet(Web::requestBase);
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/otp";
    }

    /** Client code for this project's public key; empty if the address is not one to write into code. */
    public List<IntegrationSnippets.Snippet> getSnippets() {
        if (snippets == null && project != null) {
            try {
                snippets = IntegrationSnippets.all(getApiBase(), project.publicKey());
            } catch (IllegalArgumentException e) {
                snippets = List.of();
            }
        }
        return snippets;
    }

    public String getTestUuid() {
        return ProjectService.TEST_UUID;
    }

    public String getSecretVariable() {
        return IntegrationSnippets.SECRET_VARIABLE;
    }

    public void hideSecret() {
        secret = null;
    }

    private void fill(ProjectView p) {
        name = p.name();
        codeDigits = p.codeDigits();
        codeLifetimeMinutes = p.codeLifetimeMinutes();
        maxAttempts = p.maxAttempts();
        deviceCheck = p.deviceCheck();
        channelId = p.channelId();
        templateId = p.templateId();
        templateRequests = p.templateRequests();
    }

    public boolean isGraceActive() {
        return project != null && project.previousSecretUntil() != null
                && project.previousSecretUntil() > System.currentTimeMillis();
    }

    /** When the previous secret stops working, as a person says it: "1 December 2026, 21:30 UTC (in 23 hours)". */
    public String getGraceUntil() {
        if (project == null || project.previousSecretUntil() == null) {
            return null;
        }
        Instant until = Instant.ofEpochMilli(project.previousSecretUntil());
        long minutes = Math.max(0, Duration.between(Instant.now(), until).toMinutes());
        String left = minutes >= 120 ? (minutes + 30) / 60 + " hours" : minutes + (minutes == 1 ? " minute" : " minutes");
        return GRACE_FORMAT.format(until) + " UTC (in " + left + ")";
    }


    public int getMaxGraceHours() {
        return ProjectService.MAX_GRACE_HOURS;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public ProjectView getProject() { return project; }
    public String getSecret() { return secret; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getCodeDigits() { return codeDigits; }
    public void setCodeDigits(Integer codeDigits) { this.codeDigits = codeDigits; }
    public Integer getCodeLifetimeMinutes() { return codeLifetimeMinutes; }
    public void setCodeLifetimeMinutes(Integer codeLifetimeMinutes) { this.codeLifetimeMinutes = codeLifetimeMinutes; }
    public Integer getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(Integer maxAttempts) { this.maxAttempts = maxAttempts; }
    public DeviceCheck getDeviceCheck() { return deviceCheck; }
    public void setDeviceCheck(DeviceCheck deviceCheck) { this.deviceCheck = deviceCheck; }
    public Long getChannelId() { return channelId; }
    public void setChannelId(Long channelId) { this.channelId = channelId; }
    public Long getTemplateId() { return templateId; }
    public void setTemplateId(Long templateId) { this.templateId = templateId; }
    public boolean isTemplateRequests() { return templateRequests; }
    public void setTemplateRequests(boolean templateRequests) { this.templateRequests = templateRequests; }
    public String getRotateCode() { return rotateCode; }
    public void setRotateCode(String rotateCode) { this.rotateCode = rotateCode; }
    public String getRevealCode() { return revealCode; }
    public void setRevealCode(String revealCode) { this.revealCode = revealCode; }
    public Integer getGraceHours() { return graceHours; }
    public void setGraceHours(Integer graceHours) { this.graceHours = graceHours; }
    public List<ChannelView> getChannelOptions() { return channelOptions; }
    public List<TemplateView> getTemplateOptions() { return templateOptions; }
    public String getTestRecipient() { return testRecipient; }
    public void setTestRecipient(String testRecipient) { this.testRecipient = testRecipient; }
    public String getTestCodeAnswer() { return testCodeAnswer; }
    public boolean isTestCodeSent() { return testCodeSent; }
}
