"""Drives the seed's Python example: python3 run.py SEED_FILE generate|verify UUID TO|CODE PUBLIC_KEY SECRET_KEY"""
import json
import os
import runpy
import sys

# Debian's pycryptodome is importable as Cryptodome; the shim lets the seed's "from Crypto..." find it.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'crypto-shim'))
seed, command, uuid, arg, public_key, secret_key = sys.argv[1:]
client = runpy.run_path(seed)
if command == 'generate':
    print(json.dumps(client['generate_otp'](uuid, arg, public_key, secret_key, lang='fr')))
else:
    print(json.dumps(client['verify_otp'](uuid, arg, public_key, secret_key)))
