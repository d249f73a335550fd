package org.secure2fa.console.app.template;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.secure2fa.console.faces.Actions;
import org.secure2fa.console.faces.ConsoleSession;
import org.secure2fa.delivery.control.SmsText;
import org.secure2fa.template.boundary.TemplateService;
import org.secure2fa.template.boundary.TemplateView;
import org.secure2fa.template.boundary.VersionView;
import org.secure2fa.template.entity.Template;

/** A template and its language versions, with a live preview and the SMS length of each body. */
@Named
@ViewScoped
public class TemplateBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String SAMPLE_CODE = "482913";
    /** ISO 639-1 codes the JDK still lists beside their replacements (he, id, yi, ro). */
    private static final Set<String> WITHDRAWN = Set.of("in", "iw", "ji", "mo");
    private static final List<SelectItem> LANGUAGES = Arrays.stream(Locale.getISOLanguages())
            .filter(code -> !WITHDRAWN.contains(code))
            .map(code -> new SelectItem(code, code + " · " + Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH)))
            .sorted(Comparator.comparing(SelectItem::getLabel)).toList();

    @Inject
    TemplateService templates;

    @Inject
    ConsoleSession session;

    private Long id;
    private boolean found = true;
    private String name;
    private final List<Version> versions = new ArrayList<>();

    /** One editable language version. */
    public static class Version implements Serializable {
        private static final long serialVersionUID = 1L;
        private String lang;
        private String subject;
        private String body;
        private String htmlBody;

        Version(String lang, String subject, String body, String htmlBody) {
            this.lang = lang;
            this.subject = subject;
            this.body = body;
            this.htmlBody = htmlBody;
        }

        public String getPreview() {
            return body == null ? "" : body.replace(Template.CODE_PLACEHOLDER, SAMPLE_CODE);
        }

        /** The HTML message with the sample code, for the sandboxed preview. */
        public String getHtmlPreview() {
            return htmlBody == null ? "" : htmlBody.replace(Template.CODE_PLACEHOLDER, SAMPLE_CODE);
        }

        /** How the body would go out as an SMS: characters, encoding, segments. */
        public String getSmsInfo() {
            SmsText sms = SmsText.of(getPreview());
            return sms.length() + " characters, " + (sms.isUnicode() ? "UCS-2 (Unicode)" : "GSM-7") + ", "
                    + sms.segments() + (sms.segments() == 1 ? " SMS segment" : " SMS segments");
        }

        public boolean isHasCode() {
            return body != null && body.contains(Template.CODE_PLACEHOLDER);
        }

        public String getLang() { return lang; }
        public void setLang(String lang) { this.lang = lang; }
        public String getSubject() { return subject; }
        public void setSubject(String subject) { this.subject = subject; }
        public String getBody() { return body; }
        public void setBody(String body) { this.body = body; }
        public String getHtmlBody() { return htmlBody; }
        public void setHtmlBody(String htmlBody) { this.htmlBody = htmlBody; }
    }

    public void load() {
        if (id == null) {
            versions.add(new Version("en", "Your verification code",
                    "Your verification code is " + Template.CODE_PLACEHOLDER + ". It expires in 10 minutes.", null));
            return;
        }
        TemplateView template = Actions.attempt(() -> templates.get(session.getAccountId(), id));
        if (template == null) {
            found = false;
            return;
        }
        name = template.name();
        template.versions().forEach(v -> versions.add(new Version(v.lang(), v.subject(), v.body(), v.htmlBody())));
    }

    public void addVersion() {
        versions.add(new Version(null, null, Template.CODE_PLACEHOLDER, null));
    }

    public void removeVersion(Version version) {
        versions.remove(version);
    }

    public void save() {
        List<VersionView> typed = versions.stream()
                .map(v -> new VersionView(v.getLang(), v.getSubject(), v.getBody(), v.getHtmlBody())).toList();
        TemplateView saved = Actions.attempt(() -> id == null
                ? templates.create(session.getAccountId(), name, typed, Actions.ip())
                : templates.update(session.getAccountId(), id, name, typed, Actions.ip()));
        if (saved != null) {
            Messages.addFlashGlobalInfo("bean.template.saved");
            Faces.redirect("app/template.xhtml?id=" + saved.id());
        }
    }

    public void delete() {
        if (Actions.attempt(() -> templates.delete(session.getAccountId(), id, Actions.ip()))) {
            Messages.addFlashGlobalInfo("bean.template.deleted");
            Faces.redirect("app/channels.xhtml");
        }
    }

    public List<SelectItem> getLanguages() {
        return LANGUAGES;
    }

    public boolean isNew() {
        return id == null;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public boolean isFound() { return found; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<Version> getVersions() { return versions; }
}
