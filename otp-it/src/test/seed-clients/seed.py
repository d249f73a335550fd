# The seed document's Python example, verbatim (shared/seed/000_2fd28c11784115bb.txt).
# SeedClientsIT replaces only the base URL https://api.secure-2fa.com before running it.
import base64
import requests
from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes

def encrypt_data(plain_text, key):
    iv      = get_random_bytes(16)
    cipher  = AES.new(key.encode('utf-8'), AES.MODE_CBC, iv)
    padding = 16 - len(plain_text) % 16
    padded  = plain_text + (' ' * padding)
    return base64.b64encode(iv + cipher.encrypt(padded.encode())).decode()

def generate_otp(uuid, to, public_key, secret_key, lang='en'):
    encrypted = encrypt_data(f"{uuid}#{to}", secret_key)
    response  = requests.post(
        'https://api.secure-2fa.com/otp/generate',
        data={
            'encrypted_data': encrypted,
            'public_key':     public_key,
            'lang':           lang
        }
    )
    return response.json()

def verify_otp(uuid, otp_code, public_key, secret_key):
    encrypted = encrypt_data(f"{uuid}#{otp_code}", secret_key)
    response  = requests.post(
        'https://api.secure-2fa.com/otp/verify',
        data={
            'encrypted_data': encrypted,
            'public_key':     public_key
        }
    )
    return response.json().get('verified', False)
