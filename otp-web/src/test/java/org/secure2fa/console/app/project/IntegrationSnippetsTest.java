package org.secure2fa.console.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

class IntegrationSnippetsTest {

    private static final String API = "https://otp.example.com/otp";
    private static final String PUBLIC_KEY = "0123456789abcdef0123456789abcdef";

    private final List<IntegrationSnippets.Snippet> snippets = IntegrationSnippets.all(API + "/", PUBLIC_KEY);

    @Test
    void everyLanguageCallsBothEndpointsOfThisApiWithThisPublicKeyAndTheSecretFromTheEnvironment() {
        assertEquals(List.of("shell", "python", "php", "ruby", "java", "node"),
                snippets.stream().map(IntegrationSnippets.Snippet::id).toList());
        for (IntegrationSnippets.Snippet s : snippets) {
            assertTrue(s.code().contains(API + "'") || s.code().contains(API + "\""), s.id() + ": the API without a trailing slash");
            assertTrue(s.code().contains(PUBLIC_KEY), s.id());
            assertTrue(s.code().contains("generate") && s.code().contains("verify"), s.id());
            assertTrue(s.code().contains("OTP_SECRET_KEY"), s.id() + " reads the secret from the environment");
            assertTrue(s.code().toLowerCase().contains("aes-256-cbc") || s.code().contains("AES.MODE_CBC")
                    || s.code().contains("AES/CBC/PKCS5Padding"), s.id());
            assertTrue(s.code().contains("16"), s.id() + ": a 16-byte IV");
            assertTrue(s.code().contains("#"), s.id() + ": uuid#value");
            assertTrue(!s.code().contains("%s") || s.id().equals("shell"), s.id() + ": every placeholder filled");
        }
    }

    @Test
    void theJavaSnippetCompilesWithTheJdkAlone() throws Exception {
        String code = snippets.stream().filter(s -> s.id().equals("java")).findFirst().orElseThrow().code();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///Secure2fa.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
        StringWriter errors = new StringWriter();
        boolean compiled = compiler.getTask(errors, null, null,
                List.of("-proc:none", "-d", Files.createTempDirectory("integration-snippet").toString()), null,
                List.of(source)).call();
        assertTrue(compiled, errors.toString());
    }

    @Test
    void anythingButAPlainUrlOrAPublicKeyIsRefusedRatherThanWrittenIntoCode() {
        assertThrows(IllegalArgumentException.class, () -> IntegrationSnippets.all("https://x.example/otp'; rm -rf /", PUBLIC_KEY));
        assertThrows(IllegalArgumentException.class, () -> IntegrationSnippets.all(API, "not-a-key"));
    }
}
