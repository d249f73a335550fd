package org.secure2fa.console.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key a page or a bean asks for is in the bundle, and every text of the bundle is asked for. */
class TextsTest {

    private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([^']+)'\\]");
    private static final Pattern BEAN_KEY = Pattern.compile("\"(bean\\.[a-z0-9.\\-]+)\"");

    @Test
    void pagesAndBeansAskOnlyForKeysTheBundleHas() throws IOException {
        Set<String> bundle = ResourceBundle.getBundle(Texts.BUNDLE).keySet();
        Set<String> asked = new TreeSet<>();
        asked.addAll(keys(Path.of("src/main/webapp"), ".xhtml", PAGE_KEY));
        asked.addAll(keys(Path.of("src/main/java"), ".java", BEAN_KEY));
        asked.removeIf(key -> key.endsWith(".")); // a prefix, such as "bean.activity." + value
        Set<String> missing = new TreeSet<>(asked);
        missing.removeAll(bundle);
        assertEquals(Set.of(), missing, "keys missing from the bundle");
        Set<String> unused = new TreeSet<>(bundle);
        unused.removeAll(asked);
        // an event's kind or outcome is looked up by its name ("bean.activity." + value)
        unused.removeIf(key -> key.matches("bean\\.activity\\.[A-Z_]+"));
        assertEquals(Set.of(), unused, "texts nobody asks for");
        assertTrue(asked.size() > 300, "the scan found the pages and beans");
    }

    @Test
    void beanTextsAreFormattedAndOtherTextsPassThrough() {
        assertEquals("You signed in with a backup code, which now no longer works. You have 1 backup code left.",
                Texts.of("bean.signin.backup-code-used", 1L));
        assertEquals("You signed in with a backup code, which now no longer works. You have no backup codes left: "
                + "make new ones.", Texts.of("bean.signin.backup-code-used", 0L));
        assertEquals("Your new authenticator app is linked. The old one's codes no longer work.",
                Texts.of("bean.account.authenticator-replaced"));
        assertEquals("That name is taken.", Texts.of("That name is taken."));
        assertEquals("Refused: another device", Texts.find("bean.activity.UNAUTHORIZED_DEVICE").orElseThrow());
    }

    private static Set<String> keys(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }
}
