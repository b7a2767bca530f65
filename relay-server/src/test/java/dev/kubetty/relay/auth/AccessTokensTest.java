package dev.kubetty.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  static final UUID FAMILY = UUID.randomUUID();
  final AccessTokens tokens =
      new AccessTokens(KEY, "kubetty", Duration.ofMinutes(15), Clock.systemUTC());

  @Test
  void aTokenItIssuedVerifies() {
    Principal principal = tokens.verify(tokens.issue(7, "alice", FAMILY)).orElseThrow();
    assertThat(principal.userId()).isEqualTo(7);
    assertThat(principal.username()).isEqualTo("alice");
    assertThat(principal.family()).isEqualTo(FAMILY);
    assertThat(principal.expiresAt()).isAfter(Instant.now().plusSeconds(14 * 60));
  }

  @Test
  void algNoneIsRefused() {
    String signed = tokens.issue(7, "alice", FAMILY);
    String payload = signed.split("\\.")[1];
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(tokens.verify(header + "." + payload + ".")).isEmpty();
    assertThat(tokens.verify(header + "." + payload)).isEmpty();
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    byte[] other = "another key, also at least 32 bytes long".getBytes(StandardCharsets.UTF_8);
    AccessTokens forged =
        new AccessTokens(other, "kubetty", Duration.ofMinutes(15), Clock.systemUTC());
    assertThat(tokens.verify(forged.issue(7, "alice", FAMILY))).isEmpty();
  }

  @Test
  void anotherAlgorithmWithTheSameKeyIsRefused() throws Exception {
    byte[] longKey = new byte[64];
    System.arraycopy(KEY, 0, longKey, 0, 32);
    System.arraycopy(KEY, 0, longKey, 32, 32);
    AccessTokens tokens64 =
        new AccessTokens(longKey, "kubetty", Duration.ofMinutes(5), Clock.systemUTC());
    SignedJWT hs512 =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS512).type(new JOSEObjectType("at+jwt")).build(),
            claims("kubetty", Instant.now().plusSeconds(300)));
    hs512.sign(new MACSigner(longKey));
    assertThat(tokens64.verify(hs512.serialize())).isEmpty();
  }

  @Test
  void anExpiredTokenIsRefused() {
    Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
    AccessTokens past = new AccessTokens(KEY, "kubetty", Duration.ofMinutes(15), anHourAgo);
    assertThat(tokens.verify(past.issue(7, "alice", FAMILY))).isEmpty();
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() {
    AccessTokens other =
        new AccessTokens(KEY, "someone-else", Duration.ofMinutes(15), Clock.systemUTC());
    assertThat(tokens.verify(other.issue(7, "alice", FAMILY))).isEmpty();
  }

  @Test
  void aTokenWithoutTheAccessTypeOrClaimsIsRefused() throws Exception {
    SignedJWT untyped =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.HS256), claims("kubetty", Instant.now().plusSeconds(60)));
    untyped.sign(new MACSigner(KEY));
    assertThat(tokens.verify(untyped.serialize())).isEmpty();

    SignedJWT noFamily =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt")).build(),
            new JWTClaimsSet.Builder()
                .issuer("kubetty")
                .subject("alice")
                .claim("uid", 7)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .jwtID("x")
                .build());
    noFamily.sign(new MACSigner(KEY));
    assertThat(tokens.verify(noFamily.serialize())).isEmpty();
  }

  @Test
  void aTamperedPayloadIsRefused() {
    String[] parts = tokens.issue(7, "alice", FAMILY).split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("alice", "admin");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThat(tokens.verify(forged)).isEmpty();
    assertThat(tokens.verify("not a token")).isEmpty();
    assertThat(tokens.verify("")).isEmpty();
  }

  private static JWTClaimsSet claims(String issuer, Instant expires) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("alice")
        .claim("uid", 7)
        .claim("sid", FAMILY.toString())
        .issueTime(new Date())
        .expirationTime(Date.from(expires))
        .jwtID(UUID.randomUUID().toString())
        .build();
  }
}
