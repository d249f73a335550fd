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
import org.secure2fa.delivery.boundary.ChannelService;
import org.secure2fa.delivery.boundary.ChannelView;
import org.secure2fa.policy.DeviceCheck;
import org.secure2fa.project.boundary.IssuedKeys;
import org.secure2fa.project.boundary.ProjectChanges;
import org.secure2fa.project.boundary.ProjectService;
import org.secure2fa.project.boundary.ProjectView;
import org.secure2fa.template.boundary.TemplateService;
import org.secure2fa.template.boundary.TemplateView;

/** One project: keys, secret reveal and rotation, policy, linked channel and template, deletion. */
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
}
