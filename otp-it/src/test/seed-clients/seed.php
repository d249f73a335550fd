<?php
// The seed document's PHP example, verbatim (shared/seed/000_2fd28c11784115bb.txt).
// SeedClientsIT replaces only the base URL https://api.secure-2fa.com before running it.
function encryptData($plainText, $key) {
    $iv        = openssl_random_pseudo_bytes(16);
    $encrypted = openssl_encrypt(
        $plainText,
        'AES-256-CBC',
        $key,
        OPENSSL_RAW_DATA,
        $iv
    );
    return base64_encode($iv . $encrypted);
}

function generateOtp($uuid, $to, $publicKey, $secretKey) {
    $encrypted = encryptData("{$uuid}#{$to}", $secretKey);
    $ch        = curl_init('https://api.secure-2fa.com/otp/generate');
    curl_setopt_array($ch, [
        CURLOPT_POST           => true,
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_POSTFIELDS     => http_build_query([
            'encrypted_data' => $encrypted,
            'public_key'     => $publicKey,
        ]),
    ]);
    return json_decode(curl_exec($ch), true);
}

function verifyOtp($uuid, $otpCode, $publicKey, $secretKey) {
    $encrypted = encryptData("{$uuid}#{$otpCode}", $secretKey);
    $ch        = curl_init('https://api.secure-2fa.com/otp/verify');
    curl_setopt_array($ch, [
        CURLOPT_POST           => true,
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_POSTFIELDS     => http_build_query([
            'encrypted_data' => $encrypted,
            'public_key'     => $publicKey,
        ]),
    ]);
    $response = json_decode(curl_exec($ch), true);
    return $response['verified'] ?? false;
}
