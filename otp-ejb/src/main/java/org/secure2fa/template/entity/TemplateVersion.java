package org.secure2fa.template.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One language of a {@link Template}: subject, plain body and optional HTML body. */
@Entity
@Table(name = "template_version")
public class TemplateVersion {

    @Id
    @SequenceGenerator(name = "template_version_seq", sequenceName = "template_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "template_version_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "template_id")
    private Template template;

    @Column(nullable = false, length = 2)
    private String lang;

    private String subject;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(name = "html_body", length = 20000)
    private String htmlBody;

    @Column(nullable = false)
    private int position;

    protected TemplateVersion() {
    }

    TemplateVersion(Template template, String lang, String subject, String body, String htmlBody, int position) {
        if (body == null || !body.contains(Template.CODE_PLACEHOLDER)) {
            throw new IllegalArgumentException("The body must contain " + Template.CODE_PLACEHOLDER);
        }
        this.template = template;
        this.lang = lang;
        this.subject = subject;
        this.body = body;
        this.htmlBody = htmlBody;
        this.position = position;
    }

    public Long getId() { return id; }
    public Template getTemplate() { return template; }
    public String getLang() { return lang; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getHtmlBody() { return htmlBody; }
    public int getPosition() { return position; }
}
