package org.secure2fa.console.app.project;

import java.util.List;

/**
 * Ready-to-paste client code for one project, as docs/api.md (Contract) defines the calls: each snippet
 * sends a code ({@code POST /otp/generate}, plaintext {@code uuid#email_or_phone}) and checks one
 * ({@code POST /otp/verify}, plaintext {@code uuid#code}), with {@code encrypted_data} =
 * {@code Base64(iv ‖ AES-256-CBC(plaintext))}, a random 16-byte IV and the secret key's 32 ASCII bytes
 * as the key. The public key is written in; the secret key never is: the page shows it once, and it
 * belongs in the integrator's environment ({@code OTP_SECRET_KEY}), not in their source.
 */
public final class IntegrationSnippets {

    /** The environment variable every snippet reads the secret key from. */
    public static final String SECRET_VARIABLE = "OTP_SECRET_KEY";

    /** One language's snippet: {@code id} is safe in an element id. */
    public record Snippet(String id, String language, String code) {
    }

    private IntegrationSnippets() {
    }

    /**
     * Every snippet, for an API at {@code apiBase} (the address {@code /generate} and {@code /verify} hang
     * off, such as {@code https://otp.example.com/otp}) and a project's public key.
     */
    public static List<Snippet> all(String apiBase, String publicKey) {
        String api = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        if (!publicKey.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a public key");
        }
        if (api.chars().anyMatch(c -> c == '\'' || c == '"' || c == '\\' || c == '$' || c == '`' || c <= ' ')) {
            throw new IllegalArgumentException("not a plain URL: " + api);
        }
        return List.of(
                new Snippet("shell", "curl + openssl", shell(api, publicKey)),
                new Snippet("python", "Python", python(api, publicKey)),
                new Snippet("php", "PHP", php(api, publicKey)),
                new Snippet("ruby", "Ruby", ruby(api, publicKey)),
                new Snippet("java", "Java", java(api, publicKey)),
                new Snippet("node", "Node.js", node(api, publicKey)));
    }

    static String shell(String api, String publicKey) {
        return """
                # bash, curl and openssl. Keep the secret key on your server, e.g. in its environment:
                # export OTP_SECRET_KEY='your secret key'
                OTP_API='%s'
                OTP_PUBLIC_KEY='%s'

                encrypt() {   # encrypt 'uuid#email_or_phone' or 'uuid#code'
                  local iv key
                  iv=$(openssl rand -hex 16)
                  key=$(printf '%%s' "$OTP_SECRET_KEY" | od -An -tx1 | tr -d ' \\n')
                  { printf "$(printf '%%s' "$iv" | sed 's/../\\\\x&/g')"
                    printf '%%s' "$1" | openssl enc -aes-256-cbc -K "$key" -iv "$iv"; } | openssl base64 -A
                }

                # Send a code to the user (an email address, or a phone number in E.164 for SMS)
                curl -s "$OTP_API/generate" -d public_key=$OTP_PUBLIC_KEY \\
                     --data-urlencode "encrypted_data=$(encrypt 'user-42#alice@example.com')"
                # {"success":true,"message":"OTP generated successfully."}

                # Check the code the user typed
                CODE=123456
                curl -s "$OTP_API/verify" -d public_key=$OTP_PUBLIC_KEY \\
                     --data-urlencode "encrypted_data=$(encrypt "user-42#$CODE")"
                # {"verified":true,"message":"OTP verified successfully"}
                """.formatted(api, publicKey);
    }

    static String python(String api, String publicKey) {
        return """
                # Python 3 with pycryptodome (pip install pycryptodome)
                import base64, json, os, urllib.error, urllib.parse, urllib.request
                from Crypto.Cipher import AES
                from Crypto.Random import get_random_bytes
                from Crypto.Util.Padding import pad

                OTP_API = '%s'
                OTP_PUBLIC_KEY = '%s'
                OTP_SECRET_KEY = os.environ['OTP_SECRET_KEY']  # keep it on your server, not in your code

                def otp_encrypt(plain_text):
                    iv = get_random_bytes(16)
                    cipher = AES.new(OTP_SECRET_KEY.encode('ascii'), AES.MODE_CBC, iv)
                    return base64.b64encode(iv + cipher.encrypt(pad(plain_text.encode('utf-8'), 16))).decode('ascii')

                def otp_call(endpoint, plain_text):
                    data = urllib.parse.urlencode({'public_key': OTP_PUBLIC_KEY,
                                                   'encrypted_data': otp_encrypt(plain_text)}).encode('ascii')
                    try:
                        with urllib.request.urlopen(f'{OTP_API}/{endpoint}', data) as response:
                            return json.load(response)
                    except urllib.error.HTTPError as refused:  # 401, 429...: the answer is JSON too
                        return json.load(refused)

                def generate_otp(uuid, to):
                    \"""Sends a code to an email address or a phone number (E.164).\"""
                    return otp_call('generate', f'{uuid}#{to}').get('success', False)

                def verify_otp(uuid, code):
                    \"""True when the code the user typed is right.\"""
                    return otp_call('verify', f'{uuid}#{code}').get('verified', False)

                # generate_otp('user-42', 'alice@example.com')
                # verify_otp('user-42', '123456')
                """.formatted(api, publicKey);
    }

    static String php(String api, String publicKey) {
        return """
                <?php
                // PHP 7.4+ with the openssl and curl extensions
                const OTP_API = '%s';
                const OTP_PUBLIC_KEY = '%s';

                function otpEncrypt(string $plainText): string {
                    $key = getenv('OTP_SECRET_KEY'); // keep it on your server, not in your code
                    $iv  = random_bytes(16);
                    return base64_encode($iv . openssl_encrypt($plainText, 'AES-256-CBC', $key, OPENSSL_RAW_DATA, $iv));
                }

                function otpCall(string $endpoint, string $plainText): array {
                    $ch = curl_init(OTP_API . '/' . $endpoint);
                    curl_setopt_array($ch, [
                        CURLOPT_POST           => true,
                        CURLOPT_RETURNTRANSFER => true,
                        CURLOPT_POSTFIELDS     => http_build_query([
                            'public_key'     => OTP_PUBLIC_KEY,
                            'encrypted_data' => otpEncrypt($plainText),
                        ]),
                    ]);
                    $answer = json_decode((string) curl_exec($ch), true);
                    curl_close($ch);
                    return is_array($answer) ? $answer : [];
                }

                /** Sends a code to an email address or a phone number (E.164). */
                function generateOtp(string $uuid, string $to): bool {
                    return otpCall('generate', $uuid . '#' . $to)['success'] ?? false;
                }

                /** True when the code the user typed is right. */
                function verifyOtp(string $uuid, string $code): bool {
                    return otpCall('verify', $uuid . '#' . $code)['verified'] ?? false;
                }

                // generateOtp('user-42', 'alice@example.com');
                // verifyOtp('user-42', '123456');
                """.formatted(api, publicKey);
    }

    static String ruby(String api, String publicKey) {
        return """
                # Ruby, standard library only
                require 'openssl'
                require 'net/http'
                require 'json'

                OTP_API = '%s'
                OTP_PUBLIC_KEY = '%s'

                def otp_encrypt(plain_text)
                  cipher = OpenSSL::Cipher.new('aes-256-cbc')
                  cipher.encrypt
                  cipher.key = ENV.fetch('OTP_SECRET_KEY') # keep it on your server, not in your code
                  iv = cipher.random_iv
                  [iv + cipher.update(plain_text) + cipher.final].pack('m0')
                end

                def otp_call(endpoint, plain_text)
                  answer = Net::HTTP.post_form(URI("#{OTP_API}/#{endpoint}"),
                                               'public_key' => OTP_PUBLIC_KEY,
                                               'encrypted_data' => otp_encrypt(plain_text))
                  JSON.parse(answer.body)
                end

                # Sends a code to an email address or a phone number (E.164).
                def generate_otp(uuid, to)
                  otp_call('generate', "#{uuid}##{to}")['success'] == true
                end

                # True when the code the user typed is right.
                def verify_otp(uuid, code)
                  otp_call('verify', "#{uuid}##{code}")['verified'] == true
                end

                # generate_otp('user-42', 'alice@example.com')
                # verify_otp('user-42', '123456')
                """.formatted(api, publicKey);
    }

    static String java(String api, String publicKey) {
        return """
                // Java 11+, JDK only
                import java.net.URI;
                import java.net.URLEncoder;
                import java.net.http.HttpClient;
                import java.net.http.HttpRequest;
                import java.net.http.HttpResponse;
                import java.nio.charset.StandardCharsets;
                import java.security.SecureRandom;
                import java.util.Base64;
                import javax.crypto.Cipher;
                import javax.crypto.spec.IvParameterSpec;
                import javax.crypto.spec.SecretKeySpec;

                public final class Secure2fa {

                    private static final String API = "%s";
                    private static final String PUBLIC_KEY = "%s";
                    // keep the secret key on your server, not in your code
                    private static final String SECRET_KEY = System.getenv("OTP_SECRET_KEY");
                    private static final HttpClient HTTP = HttpClient.newHttpClient();
                    private static final SecureRandom RANDOM = new SecureRandom();

                    /** Sends a code to an email address or a phone number (E.164). */
                    public static boolean generate(String uuid, String to) throws Exception {
                        return call("generate", uuid + "#" + to).contains("\\"success\\":true");
                    }

                    /** True when the code the user typed is right. */
                    public static boolean verify(String uuid, String code) throws Exception {
                        return call("verify", uuid + "#" + code).contains("\\"verified\\":true");
                    }

                    private static String call(String endpoint, String plainText) throws Exception {
                        String form = "public_key=" + PUBLIC_KEY + "&encrypted_data="
                                + URLEncoder.encode(encrypt(plainText), StandardCharsets.UTF_8);
                        HttpRequest request = HttpRequest.newBuilder(URI.create(API + "/" + endpoint))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build();
                        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
                    }

                    private static String encrypt(String plainText) throws Exception {
                        byte[] iv = new byte[16];
                        RANDOM.nextBytes(iv);
                        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
                        cipher.init(Cipher.ENCRYPT_MODE,
                                new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.US_ASCII), "AES"),
                                new IvParameterSpec(iv));
                        byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
                        byte[] payload = new byte[iv.length + sealed.length];
                        System.arraycopy(iv, 0, payload, 0, iv.length);
                        System.arraycopy(sealed, 0, payload, iv.length, sealed.length);
                        return Base64.getEncoder().encodeToString(payload);
                    }
                }
                """.formatted(api, publicKey);
    }

    static String node(String api, String publicKey) {
        return """
                // Node.js 18+, built-in crypto and fetch
                const crypto = require('node:crypto');

                const OTP_API = '%s';
                const OTP_PUBLIC_KEY = '%s';

                function otpEncrypt(plainText) {
                  const key = Buffer.from(process.env.OTP_SECRET_KEY, 'ascii'); // keep it on your server
                  const iv = crypto.randomBytes(16);
                  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
                  return Buffer.concat([iv, cipher.update(plainText, 'utf8'), cipher.final()]).toString('base64');
                }

                async function otpCall(endpoint, plainText) {
                  const answer = await fetch(`${OTP_API}/${endpoint}`, {
                    method: 'POST',
                    body: new URLSearchParams({ public_key: OTP_PUBLIC_KEY, encrypted_data: otpEncrypt(plainText) }),
                  });
                  return answer.json();
                }

                /** Sends a code to an email address or a phone number (E.164). */
                async function generateOtp(uuid, to) {
                  return (await otpCall('generate', `${uuid}#${to}`)).success === true;
                }

                /** True when the code the user typed is right. */
                async function verifyOtp(uuid, code) {
                  return (await otpCall('verify', `${uuid}#${code}`)).verified === true;
                }

                module.exports = { generateOtp, verifyOtp };
                // await generateOtp('user-42', 'alice@example.com');
                // await verifyOtp('user-42', '123456');
                """.formatted(api, publicKey);
    }
}
