<?php
// Drives the seed's PHP example: php run.php SEED_FILE generate|verify UUID TO|CODE PUBLIC_KEY SECRET_KEY
[, $seed, $command, $uuid, $arg, $publicKey, $secretKey] = $argv;
require $seed;
if ($command === 'generate') {
    echo json_encode(generateOtp($uuid, $arg, $publicKey, $secretKey)), "\n";
} else {
    echo var_export(verifyOtp($uuid, $arg, $publicKey, $secretKey), true), "\n";
}
