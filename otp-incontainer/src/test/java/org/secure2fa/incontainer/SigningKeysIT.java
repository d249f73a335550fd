package org.secure2fa.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.Date;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.secure2fa.token.control.SigningKeys;

/**
 * The service's token-signing keys: a rotation signs with a new key at once, the JWKS keeps the old key
 * (its tokens stay valid until they expire) and publishes only public halves, and the private halves are
 * stored sealed.
 */
@ExtendWith(ArquillianExtension.class)
class SigningKeysIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule();
    }

    @Inject
    SigningKeys keys;

    @EJB
    Fixtures fixtures;

    @Test
    void aRotationSignsWithANewKeyAndTheJwksStillVerifiesTheOldOnes() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("secure2fa").subject("1").jwtID("1")
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build();
        SignedJWT before = SignedJWT.parse(keys.sign(claims));
        String oldKid = before.getHeader().getKeyID();

        String newKid = keys.rotate();
        SignedJWT after = SignedJWT.parse(keys.sign(claims));
        assertNotEquals(oldKid, newKid);
        assertEquals(newKid, after.getHeader().getKeyID(), "the new key signs from now on");

        JWKSet published = JWKSet.parse(keys.jwks());
        JWK oldKey = published.getKeyByKeyId(oldKid);
        JWK newKey = published.getKeyByKeyId(newKid);
        assertNotNull(oldKey, "the retired key still verifies its tokens");
        assertNotNull(newKey);
        assertFalse(oldKey.isPrivate() || newKey.isPrivate(), "only public halves are published");
        assertTrue(before.verify(new ECDSAVerifier(oldKey.toECKey())));
        assertTrue(after.verify(new ECDSAVerifier(newKey.toECKey())));
        assertFalse(after.verify(new ECDSAVerifier(oldKey.toECKey())), "each key verifies only its own tokens");

        assertEquals(0, fixtures.number("select count(*) from signing_key where private_sealed like '%\"d\"%'"),
                "no private key stored in clear");
        assertEquals(1, fixtures.number("select count(*) from signing_key where retired_at is null"),
                "one current key");
    }
}
