# The seed document's Ruby example, verbatim (shared/seed/000_2fd28c11784115bb.txt).
# SeedClientsIT replaces only the base URL https://api.secure-2fa.com before running it.
require 'openssl'
require 'base64'
require 'net/http'

def encrypt(plain_text, key, iv)
  cipher = OpenSSL::Cipher::AES256.new(:CBC)
  cipher.encrypt
  cipher.key = key
  cipher.iv  = iv
  Base64.encode64(iv + cipher.update(plain_text) + cipher.final)
end

def generate_otp(uuid, to, public_key, secret_key, lang: 'en')
  iv        = OpenSSL::Cipher::AES256.new(:CBC).random_iv
  encrypted = encrypt("#{uuid}##{to}", secret_key, iv)
  uri       = URI.parse('https://api.secure-2fa.com/otp/generate')
  http      = Net::HTTP.new(uri.host, uri.port)
  http.use_ssl = true
  req = Net::HTTP::Post.new(uri.path)
  req.set_form_data(
    encrypted_data: encrypted,
    public_key:     public_key,
    lang:           lang
  )
  http.request(req)
end

def verify_otp(uuid, otp_code, public_key, secret_key)
  iv        = OpenSSL::Cipher::AES256.new(:CBC).random_iv
  encrypted = encrypt("#{uuid}##{otp_code}", secret_key, iv)
  uri       = URI.parse('https://api.secure-2fa.com/otp/verify')
  http      = Net::HTTP.new(uri.host, uri.port)
  http.use_ssl = true
  req = Net::HTTP::Post.new(uri.path)
  req.set_form_data(
    encrypted_data: encrypted,
    public_key:     public_key
  )
  JSON.parse(http.request(req).body)['verified']
end
