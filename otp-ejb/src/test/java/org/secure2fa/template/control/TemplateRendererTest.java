package org.secure2fa.template.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.secure2fa.template.entity.Template;

class TemplateRendererTest {

    private final List<TemplateText> versions = List.of(
            new TemplateText("en", "Your code", "Code: {{OTP_CODE}}", "<b>{{OTP_CODE}}</b>"),
            new TemplateText("fr", "Votre code", "Code : {{OTP_CODE}}", null));

    @Test
    void picksTheLanguageAndFillsEveryPlaceholder() {
        RenderedMessage fr = TemplateRenderer.render(versions, "fr", "123456");
        assertEquals("fr", fr.lang());
        assertEquals("Votre code", fr.subject());
        assertEquals("Code : 123456", fr.body());
        assertNull(fr.htmlBody());
        assertEquals("<b>123456</b>", TemplateRenderer.render(versions, "en", "123456").htmlBody());
    }

    @Test
    void fallsBackToTheFirstLanguage() {
        assertEquals("en", TemplateRenderer.render(versions, "de", "1").lang());
        assertEquals("en", TemplateRenderer.render(versions, null, "1").lang());
    }

    @Test
    void aBodyWithoutThePlaceholderIsRefused() {
        Template template = new Template("t", 0);
        assertThrows(IllegalArgumentException.class, () -> template.addVersion("en", "s", "no code here", null));
        assertEquals("en", template.addVersion("en", "s", "{{OTP_CODE}}", null).getLang());
    }
}
