package org.secure2fa.token.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One of the service's own token-signing keys (ES256): the public half as a JWK, the private half sealed
 * under the master key. A retired key signs nothing new but still verifies the tokens it signed.
 */
@Entity
@Table(name = "signing_key")
@NamedQuery(name = "SigningKey.all", query = "select k from SigningKey k order by k.createdAt")
public class SigningKey {

    @Id
    @Column(length = 40)
    private String kid;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "public_jwk", nullable = false, length = 1000)
    private String publicJwk;

    @Column(name = "private_sealed", nullable = false, length = 2000)
    private String privateSealed;

    @Column(name = "retired_at")
    private Long retiredAt;

    protected SigningKey() {
    }

    public SigningKey(String kid, long createdAt, String publicJwk, String privateSealed) {
        this.kid = kid;
        this.createdAt = createdAt;
        this.publicJwk = publicJwk;
        this.privateSealed = privateSealed;
    }

    public void retire(long now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    public String getKid() { return kid; }
    public long getCreatedAt() { return createdAt; }
    public String getPublicJwk() { return publicJwk; }
    public String getPrivateSealed() { return privateSealed; }
    public Long getRetiredAt() { return retiredAt; }
}
