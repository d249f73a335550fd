package org.secure2fa.console.app.project;

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
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.secure2fa.challenge.boundary.GenerateStatus;
import org.secure2fa.console.faces.Actions;
import org.secure2fa.console.faces.ConsoleSession;
import org.secure2fa.console.faces.Texts;
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
            Messages.addGlobalError("bean.project.not-found");
            return;
        }
        project = Actions.attempt(() -> projects.get(session.getAccountId(), id));
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
        ProjectView saved = Actions.attempt(() -> projects.update(session.getAccountId(), id, new ProjectChanges(name,
                codeDigits, codeLifetimeMinutes, maxAttempts, deviceCheck, channelId, templateId, templateRequests), Actions.ip()));
        if (saved != null) {
            project = saved;
            fill(saved);
            Messages.addGlobalInfo("bean.project.saved");
        }
    }

    public void reveal() {
        String shown = Actions.withFreshCode("revealCode",
                () -> projects.revealSecret(session.getAccountId(), id, revealCode, Actions.ip()));
        revealCode = null;
        if (shown != null) {
            secret = shown;
        }
    }

    public void rotate() {
        int hours = graceHours == null ? -1 : graceHours;
        var rotated = Actions.withFreshCode("rotateCode",
                () -> projects.rotate(session.getAccountId(), id, hours, rotateCode, Actions.ip()));
        rotateCode = null;
        if (rotated == null) {
            return;
        }
        secret = rotated.secretKey();
        project = projects.get(session.getAccountId(), id);
        Messages.addGlobalInfo("bean.project.rotated", hours);
    }

    public void delete() {
        if (Actions.attempt(() -> projects.delete(session.getAccountId(), id, Actions.ip()))) {
            Messages.addFlashGlobalInfo("bean.project.deleted");
            Faces.redirect("app/dashboard.xhtml");
        }
    }

    /** A real code through the project's channel and template; the outcome in words under the button. */
    public void sendTestCode() {
        TestCodeSent sent = Actions.attempt(() -> projects.sendTestCode(session.getAccountId(), id, testRecipient, Actions.ip()));
        if (sent == null) {
            testCodeAnswer = null;
            return;
        }
        testCodeSent = sent.status() == GenerateStatus.GENERATED;
        testCodeAnswer = switch (sent.status()) {
            case GENERATED -> Texts.of("bean.project.test.sent", sent.maskedRecipient(), sent.channelName(),
                    sent.templateName(), sent.uuid());
            case NOT_LINKED -> Texts.of("bean.project.test.not-linked");
            case RATE_LIMITED -> Texts.of("bean.project.test.rate-limited", sent.uuid());
            case UNAVAILABLE -> Texts.of("bean.project.test.unavailable");
            case INVALID_CREDENTIALS -> Texts.of("bean.project.test.refused");
            case TEMPLATE_REQUESTS_OFF -> Texts.of("bean.project.test.template-requests-off");
        };
    }

    /** What the test code's field asks for: the linked channel's kind of address. */
    public String getTestRecipientLabel() {
        ChannelType type = channelOptions == null || project == null || project.channelId() == null ? null
                : channelOptions.stream().filter(c -> c.id() == project.channelId().longValue()).map(ChannelView::type)
                        .findFirst().orElse(null);
        return Texts.of(type == ChannelType.SMS ? "bean.project.test.phone"
                : type == ChannelType.EMAIL ? "bean.project.test.email" : "bean.project.test.either");
    }

    /**
     * Where the API is, for the snippets: the console's configured public address ({@code
     * otp.console.public-url}), else the address this page was asked for, with the API's context root.
     */
    public String getApiBase() {
        String base = ConfigProvider.getConfig().getOptionalValue("otp.console.public-url", String.class)
                .filter(s -> !s.isBlank()).orElseGet(Faces::getRequestDomainURL);
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
