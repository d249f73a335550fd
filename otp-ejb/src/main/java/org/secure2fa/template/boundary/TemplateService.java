package org.secure2fa.template.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.secure2fa.account.control.Tenancy;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.platform.boundary.ConflictException;
import org.secure2fa.platform.boundary.InvalidInputException;
import org.secure2fa.platform.boundary.PreconditionFailedException;
import org.secure2fa.platform.control.Names;
import org.secure2fa.project.control.ProjectDirectory;
import org.secure2fa.project.entity.Project;
import org.secure2fa.template.control.RenderedMessage;
import org.secure2fa.template.control.TemplateRenderer;
import org.secure2fa.template.control.TemplateText;
import org.secure2fa.template.entity.Template;

/**
 * Message templates of one account, with one version per language, and the rules a version must meet
 * (a known language once, the code placeholder in every body, the sizes the columns hold).
 */
@Stateless
public class TemplateService {

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    ProjectDirectory directory;

    @Inject
    Tenancy tenancy;

    @Inject
    AuditLog audit;

    public List<TemplateView> list(long accountId) {
        return em.createQuery("select t from Template t where t.accountId = :account order by t.name, t.id",
                Template.class).setParameter("account", accountId).getResultList().stream()
                .map(TemplateService::view).toList();
    }

    public TemplateView get(long accountId, long templateId) {
        return view(owned(accountId, templateId));
    }

    public TemplateView create(long accountId, String name, List<VersionView> versions, String ip) {
        List<VersionView> checked = check(versions);
        Template template = new Template(Names.checked(name), System.currentTimeMillis());
        template.setAccountId(accountId);
        checked.forEach(v -> template.addVersion(v.lang(), v.subject(), v.body(), v.htmlBody()));
        em.persist(template);
        em.flush();
        audit.console(accountId, null, "TEMPLATE_CREATED", "OK", template.getName(), ip);
        return view(template);
    }

    /** Replaces the name and all versions (the first version is the fallback language). */
    public TemplateView update(long accountId, long templateId, String name, List<VersionView> versions, String ip) {
        return update(accountId, templateId, name, versions, null, ip);
    }

    /**
     * As {@link #update}, only if the template is still as the caller read it: {@code expectedTag} is the
     * {@link TemplateView#tag()} it saw (null: no condition), compared under the row's lock.
     */
    public TemplateView update(long accountId, long templateId, String name, List<VersionView> versions,
                               String expectedTag, String ip) {
        List<VersionView> checked = check(versions);
        Template template = owned(accountId, templateId);
        if (expectedTag != null) {
            em.lock(template, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(template);
            if (!expectedTag.equals(view(template).tag())) {
                throw new PreconditionFailedException("The template");
            }
        }
        template.setName(Names.checked(name));
        template.getVersions().clear();
        em.flush();
        checked.forEach(v -> template.addVersion(v.lang(), v.subject(), v.body(), v.htmlBody()));
        em.createQuery("select p from Project p where p.template = :template", Project.class)
                .setParameter("template", template).getResultList()
                .forEach(p -> directory.evict(p.getPublicKey()));
        audit.console(accountId, null, "TEMPLATE_UPDATED", "OK", template.getName() + " #" + templateId, ip);
        return view(template);
    }

    /**
     * The stored template's message for {@code lang} (else its first language, as a generate would pick
     * it), with {@code code} in place of the code.
     */
    public RenderedMessage preview(long accountId, long templateId, String lang, String code) {
        Template template = owned(accountId, templateId);
        return TemplateRenderer.render(template.getVersions().stream()
                .map(v -> new TemplateText(v.getLang(), v.getSubject(), v.getBody(), v.getHtmlBody())).toList(),
                lang == null ? "" : lang, code);
    }

    public void delete(long accountId, long templateId, String ip) {
        Template template = owned(accountId, templateId);
        List<String> users = em.createQuery("select p.name from Project p where p.template = :template", String.class)
                .setParameter("template", template).getResultList();
        if (!users.isEmpty()) {
            throw new ConflictException("This template is linked to " + String.join(", ", users)
                    + ". Link those projects to another template first.");
        }
        em.remove(template);
        audit.console(accountId, null, "TEMPLATE_DELETED", "OK", template.getName() + " #" + templateId, ip);
    }

    /** The versions as they will be stored, or the first problem found. */
    static List<VersionView> check(List<VersionView> versions) {
        if (versions == null || versions.isEmpty()) {
            throw new InvalidInputException("versions", "Add at least one language.");
        }
        if (versions.size() > 50) {
            throw new InvalidInputException("versions", "A template has at most 50 languages.");
        }
        Set<String> seen = new HashSet<>();
        return versions.stream().map(v -> {
            String lang = v.lang() == null ? "" : v.lang().strip().toLowerCase(Locale.ROOT);
            if (!LANGUAGES.contains(lang)) {
                throw new InvalidInputException(null, "Choose a language (ISO 639-1 code such as en or fr).");
            }
            if (!seen.add(lang)) {
                throw new InvalidInputException(null, "The language " + lang + " is there twice.");
            }
            String body = v.body() == null ? "" : v.body().strip();
            if (!body.contains(Template.CODE_PLACEHOLDER)) {
                throw new InvalidInputException(null, "The " + lang + " body must contain " + Template.CODE_PLACEHOLDER + ".");
            }
            if (body.length() > 4000) {
                throw new InvalidInputException(null, "The " + lang + " body is longer than 4000 characters.");
            }
            String subject = blankToNull(v.subject());
            if (subject != null && subject.length() > 500) {
                throw new InvalidInputException(null, "The " + lang + " subject is longer than 500 characters.");
            }
            String html = blankToNull(v.htmlBody());
            if (html != null && (html.length() > 20000 || !html.contains(Template.CODE_PLACEHOLDER))) {
                throw new InvalidInputException(null, "The " + lang + " HTML body must contain "
                        + Template.CODE_PLACEHOLDER + " and be at most 20000 characters.");
            }
            return new VersionView(lang, subject, body, html);
        }).toList();
    }

    private Template owned(long accountId, long templateId) {
        return tenancy.owned(Template.class, accountId, templateId, "Template");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static TemplateView view(Template t) {
        return new TemplateView(t.getId(), t.getName(), t.getVersions().stream()
                .map(v -> new VersionView(v.getLang(), v.getSubject(), v.getBody(), v.getHtmlBody())).toList(),
                t.getCreatedAt());
    }
}
