package org.secure2fa.console.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.omnifaces.util.Messages;

/**
 * The console's texts: the bundle {@code org/secure2fa/console/messages.properties}, which pages read as
 * {@code #{msg['key']}}. Beans pass keys to OmniFaces' {@link Messages}, which resolves them here; a text
 * that is not a key (a boundary's refusal, already in words) is shown as it is.
 */
@ApplicationScoped
public class Texts {

    static final String BUNDLE = "org.secure2fa.console.messages";

    /**
     * A text of the bundle, a {@link MessageFormat} pattern (so an apostrophe is written twice there); what is
     * not a key, as it is.
     */
    public static String of(String key, Object... arguments) {
        return find(key, arguments).orElse(key);
    }

    /** A text of the bundle, if it has the key. */
    public static Optional<String> find(String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH);
        return bundle.containsKey(key)
                ? Optional.of(new MessageFormat(bundle.getString(key), Locale.ENGLISH).format(arguments))
                : Optional.empty();
    }

    void useForMessages(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Messages.setResolver(Texts::of);
    }
}
