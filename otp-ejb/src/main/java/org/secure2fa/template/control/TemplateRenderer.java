package org.secure2fa.template.control;

import java.util.List;
import org.secure2fa.template.entity.Template;

/** Fills {@code {{OTP_CODE}}} into the version for a language (or the first version). */
public final class TemplateRenderer {

    private TemplateRenderer() {
    }

    public static RenderedMessage render(List<TemplateText> versions, String lang, String code) {
        if (versions.isEmpty()) {
            throw new IllegalStateException("A template without versions cannot be rendered");
        }
        TemplateText text = versions.stream().filter(v -> v.lang().equals(lang)).findFirst().orElse(versions.get(0));
        return new RenderedMessage(text.lang(), fill(text.subject(), code), fill(text.body(), code),
                fill(text.htmlBody(), code));
    }

    private static String fill(String text, String code) {
        return text == null ? null : text.replace(Template.CODE_PLACEHOLDER, code);
    }
}
