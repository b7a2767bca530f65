package dev.kubetty.relay.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and verifies access tokens: JWTs signed with HS256 under {@code AUTH_JWT_SECRET}, header
 * type {@code at+jwt}, claims {@code iss}, {@code sub} (username), {@code uid}, {@code sid} (login
 * family), {@code iat}, {@code exp}, {@code jti}.
 *
 * <p>Verification accepts only HS256 (so {@code alg: none} and every other algorithm fail), only
 * this issuer, only unexpired tokens (10 s clock skew), and only tokens with every claim above.
 * Signatures are compared in constant time by nimbus-jose-jwt. Thread-safe.
 */
public final class AccessTokens {
  private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
  private static final int CLOCK_SKEW_SECONDS = 10;

  private final MACSigner signer;
  private final DefaultJWTProcessor<SecurityContext> processor;
  private final String issuer;
  private final Duration ttl;
  private final Clock clock;

  /**
   * Tokens under {@code secret} (at least 32 bytes) from {@code issuer}, valid for {@code ttl};
   * {@code clock} sets their issue time (tests issue tokens in the past).
   */
  public AccessTokens(byte[] secret, String issuer, Duration ttl, Clock clock) {
    try {
      this.signer = new MACSigner(secret);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the JWT secret must be at least 32 bytes", e);
    }
    this.issuer = issuer;
    this.ttl = ttl;
    this.clock = clock;
    this.processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(secret)));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "uid", "sid", "iat", "exp", "jti"));
    claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** How long issued tokens are valid. */
  public Duration ttl() {
    return ttl;
  }

  /** A signed token for {@code userId}/{@code username} in login {@code family}. */
  public String issue(long userId, String username, UUID family) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(username)
            .claim("uid", userId)
            .claim("sid", family.toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an access token", e);
    }
    return jwt.serialize();
  }

  /**
   * The principal of a valid token; empty for anything else (malformed, another algorithm, wrong
   * key, another issuer, expired, missing claims). Does not check revocation: see {@link
   * LocalAuthenticator}.
   */
  public Optional<Principal> verify(String token) {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      long uid = claims.getLongClaim("uid");
      UUID family = UUID.fromString(claims.getStringClaim("sid"));
      return Optional.of(
          new Principal(uid, claims.getSubject(), family, claims.getExpirationTime().toInstant()));
    } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
