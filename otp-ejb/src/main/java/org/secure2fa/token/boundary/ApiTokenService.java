package org.secure2fa.token.boundary;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.secure2fa.account.control.Tenancy;
import org.secure2fa.account.entity.Account;
import org.secure2fa.account.entity.AccountStatus;
import org.secure2fa.audit.control.AuditLog;
import org.secure2fa.platform.boundary.InvalidInputException;
import org.secure2fa.project.entity.Project;
import org.secure2fa.token.control.SigningKeys;
import org.secure2fa.token.control.TokenConfig;
import org.secure2fa.token.entity.ApiToken;

/**
 * Management-API tokens: an account owner makes them in the console (shown once), lists and revokes them;
 * the API checks each call's token here after MP-JWT has checked its signature, issuer, audience and
 * expiry: the row must exist for that account, be neither revoked nor expired, and the account usable.
 */
@Stateless
public class ApiTokenService {

    /** Last use is written at most this often per token, not on every call. */
    static final long LAST_USE_STEP_MS = Duration.ofMinutes(1).toMillis();
    public static final String READ = "read";
    public static final String WRITE = "write";

    @PersistenceContext(unitName = "otp")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    SigningKeys keys;

    @Inject
    TokenConfig config;

    @Inject
    AuditLog audit;

    public IssuedToken create(long accountId, TokenRequest request, String ip) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidInputException("name", "Give the token a name of 1 to 100 characters.");
        }
        if (request.days() < 1 || request.days() > config.maxDays()) {
            throw new InvalidInputException("days", "A token lives from 1 to " + config.maxDays() + " days.");
        }
        Set<Long> projects = new LinkedHashSet<>(request.projects() == null ? Set.of() : request.projects());
        projects.forEach(id -> tenancy.owned(Project.class, accountId, id, "Project"));
        long now = System.currentTimeMillis();
        ApiToken token = new ApiToken(accountId, name, request.writes(), projects.isEmpty() ? null : projects, now,
                now + Duration.ofDays(request.days()).toMillis());
        em.persist(token);
        em.flush();
        String jwt = keys.sign(new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .audience(config.audience())
                .subject(String.valueOf(accountId))
                .jwtID(String.valueOf(token.getId()))
                .issueTime(new Date(now))
                .expirationTime(new Date(token.getExpiresAt()))
                .claim("groups", request.writes() ? List.of(READ, WRITE) : List.of(READ))
                .build());
        audit.console(accountId, null, "API_TOKEN_CREATE", "OK",
                name + (request.writes() ? " (read-write)" : " (read)"), ip);
        return new IssuedToken(ApiTokenView.of(token), jwt);
    }

    public List<ApiTokenView> list(long accountId) {
        return em.createNamedQuery("ApiToken.byAccount", ApiToken.class).setParameter("account", accountId)
                .getResultList().stream().map(ApiTokenView::of).toList();
    }

    public ApiTokenView get(long accountId, long tokenId) {
        return ApiTokenView.of(tenancy.owned(ApiToken.class, accountId, tokenId, "Token"));
    }

    /** Revokes a token of the account at once; revoking one twice is no error. */
    public ApiTokenView revoke(long accountId, long tokenId, String ip) {
        ApiToken token = tenancy.owned(ApiToken.class, accountId, tokenId, "Token");
        if (token.getRevokedAt() == null) {
            token.revoke(System.currentTimeMillis());
            audit.console(accountId, null, "API_TOKEN_REVOKE", "OK", token.getName(), ip);
        }
        return ApiTokenView.of(token);
    }

    /**
     * What the token with this id (its {@code jti}) of this account ({@code sub}) may do, if it may do
     * anything now: empty for an unknown, revoked or expired token or an account that is disabled.
     */
    public Optional<TokenGrant> check(long accountId, long tokenId) {
        ApiToken token = em.find(ApiToken.class, tokenId);
        long now = System.currentTimeMillis();
        if (token == null || token.getAccountId() != accountId || !token.isUsable(now)) {
            return Optional.empty();
        }
        Account account = em.find(Account.class, accountId);
        if (account == null || account.isDisabled() || account.getStatus() != AccountStatus.ACTIVE) {
            return Optional.empty();
        }
        if (token.getLastUsedAt() == null || now - token.getLastUsedAt() > LAST_USE_STEP_MS) {
            token.used(now);
        }
        return Optional.of(new TokenGrant(accountId, tokenId, token.isWrites(), token.getProjects()));
    }

    /** The JSON Web Key Set that verifies the tokens. */
    public String jwks() {
        return keys.jwks();
    }
}
