package org.secure2fa.token.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.secure2fa.crypto.Keyring;
import org.secure2fa.platform.control.SettingsEpoch;
import org.secure2fa.platform.control.SettingsEpoch.SettingsChanged;
import org.secure2fa.token.entity.SigningKey;

/**
 * The service's own ES256 keys that sign management-API tokens. The newest unretired key signs; every key
 * that may still have live tokens (retired less than a token's longest life ago) is published in the JWKS,
 * which MP-JWT reads to check signatures. The JWKS is served from memory, reloaded once a minute and
 * whenever the settings epoch moves (a new key here or on another node), so the endpoint never waits for
 * the database.
 */
@ApplicationScoped
public class SigningKeys {

    static final long RELOAD_MS = Duration.ofMinutes(1).toMillis();

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Keyring keyring;

    @Inject
    TokenConfig config;

    @Inject
    SettingsEpoch epoch;

    private volatile Published published;

    private record Published(String jwks, long loadedAt) {
    }

    /** A signed JWT of these claims, by the current key (the first one is made when there is none). */
    @Transactional
    public String sign(JWTClaimsSet claims) {
        SigningKey current = current().orElseGet(this::create);
        try {
            ECKey key = ECKey.parse(keyring.open(current.getPrivateSealed()));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(current.getKid())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The signing key " + current.getKid() + " cannot sign", e);
        }
    }

    /** A new current key; the old ones are retired but keep verifying the tokens they signed. */
    @Transactional
    public String rotate() {
        long now = System.currentTimeMillis();
        keys().forEach(key -> key.retire(now));
        String kid = create().getKid();
        published = null;
        return kid;
    }

    /** A new key here or on another node: the next JWKS is read afresh. */
    void settingsChanged(@Observes SettingsChanged change) {
        published = null;
    }

    /** The public keys as a JSON Web Key Set (RFC 7517). */
    @Transactional
    public String jwks() {
        Published current = published;
        long now = System.currentTimeMillis();
        if (current == null || now - current.loadedAt() > RELOAD_MS) {
            long oldest = now - Duration.ofDays(config.maxDays()).toMillis();
            List<JWK> keys = new ArrayList<>();
            for (SigningKey key : keys()) {
                if (key.getRetiredAt() == null || key.getRetiredAt() > oldest) {
                    keys.add(parse(key.getPublicJwk()));
                }
            }
            current = new Published(new JWKSet(keys).toString(true), now);
            published = current;
        }
        return current.jwks();
    }

    private java.util.Optional<SigningKey> current() {
        return keys().stream().filter(key -> key.getRetiredAt() == null)
                .max(Comparator.comparingLong(SigningKey::getCreatedAt));
    }

    private List<SigningKey> keys() {
        return em.createNamedQuery("SigningKey.all", SigningKey.class).getResultList();
    }

    private SigningKey create() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
            SigningKey row = new SigningKey(key.getKeyID(), System.currentTimeMillis(),
                    key.toPublicJWK().toJSONString(), keyring.seal(key.toJSONString()));
            em.persist(row);
            em.flush();
            epoch.bump();
            published = null;
            return row;
        } catch (JOSEException e) {
            throw new IllegalStateException("No EC key could be made", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored public key does not parse", e);
        }
    }
}
