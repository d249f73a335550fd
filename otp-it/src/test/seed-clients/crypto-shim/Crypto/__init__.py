"""Makes Debian's python3-pycryptodome (package Cryptodome) importable as Crypto, as pip's pycryptodome is."""
import sys

import Cryptodome
import Cryptodome.Cipher
import Cryptodome.Cipher.AES
import Cryptodome.Random
import Cryptodome.Util
import Cryptodome.Util.Padding

sys.modules[__name__] = Cryptodome
sys.modules[__name__ + '.Cipher'] = Cryptodome.Cipher
sys.modules[__name__ + '.Cipher.AES'] = Cryptodome.Cipher.AES
sys.modules[__name__ + '.Random'] = Cryptodome.Random
sys.modules[__name__ + '.Util'] = Cryptodome.Util
sys.modules[__name__ + '.Util.Padding'] = Cryptodome.Util.Padding
