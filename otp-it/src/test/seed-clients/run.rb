# Drives the seed's Ruby example: ruby run.rb SEED_FILE generate|verify UUID TO|CODE PUBLIC_KEY SECRET_KEY
# The seed calls JSON.parse without requiring json; a caller's application would have it loaded.
require 'json'
seed, command, uuid, arg, public_key, secret_key = ARGV
load seed
if command == 'generate'
  response = generate_otp(uuid, arg, public_key, secret_key, lang: 'fr')
  puts response.code
  puts response.body
else
  puts verify_otp(uuid, arg, public_key, secret_key).inspect
end
