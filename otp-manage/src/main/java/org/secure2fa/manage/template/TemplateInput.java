package org.secure2fa.manage.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.secure2fa.template.boundary.VersionView;

/**
 * A template as POST creates it and PUT replaces it: its name and its language versions, the first being
 * the fallback language. Each body must hold {@code {{OTP_CODE}}}.
 */
public record TemplateInput(@NotBlank @Size(max = 100) String name,
                            @NotEmpty @Size(max = 50) List<@Valid Version> versions) {

    /** One language version: {@code lang} an ISO 639-1 code, {@code htmlBody} optional (email only). */
    public record Version(@NotBlank String lang, String subject, @NotBlank String body, String htmlBody) {
    }

    List<VersionView> views() {
        return versions.stream().map(v -> new VersionView(v.lang(), v.subject(), v.body(), v.htmlBody())).toList();
    }
}
