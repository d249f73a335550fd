package org.secure2fa.template.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An OTP message, with one {@link TemplateVersion} per language. */
@Entity
@Table(name = "template")
public class Template {

    /** The placeholder every body must contain. */
    public static final String CODE_PLACEHOLDER = "{{OTP_CODE}}";

    @Id
    @SequenceGenerator(name = "template_seq", sequenceName = "template_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "template_seq")
    private Long id;

    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @OneToMany(mappedBy = "template", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<TemplateVersion> versions = new ArrayList<>();

    protected Template() {
    }

    public Template(String name, long createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    public TemplateVersion addVersion(String lang, String subject, String body, String htmlBody) {
        TemplateVersion version = new TemplateVersion(this, lang, subject, body, htmlBody, versions.size());
        versions.add(version);
        return version;
    }

    /** The version for {@code lang}, else the first one (the seed's rule). */
    public Optional<TemplateVersion> versionFor(String lang) {
        return versions.stream().filter(v -> v.getLang().equals(lang)).findFirst()
                .or(() -> versions.stream().findFirst());
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public void setAccountId(Long accountId) { this.accountId = accountId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public long getCreatedAt() { return createdAt; }
    public List<TemplateVersion> getVersions() { return versions; }
}
