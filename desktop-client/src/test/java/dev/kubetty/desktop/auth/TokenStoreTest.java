package dev.kubetty.desktop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
  @TempDir Path config;

  @Test
  void tokensAreKeptPerProjectInAFileOnlyTheUserCanRead() throws IOException {
    TokenStore store = new TokenStore(config);
    Tokens alice =
        new Tokens("access-a", "refresh-a", Instant.parse("2030-01-01T00:00:00Z"), "alice");
    store.put("p1", alice);
    store.put("p2", new Tokens("access-b", "refresh-b", Instant.EPOCH, "bob"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
        .isEqualTo("rw-------");
    assertThat(store.isPrivate()).isTrue();
    assertThat(new TokenStore(config).get("p1")).contains(alice);

    store.remove("p1");
    assertThat(store.get("p1")).isEmpty();
    assertThat(store.get("p2").orElseThrow().username()).isEqualTo("bob");
  }

  @Test
  void aFileWithWiderPermissionsIsNarrowedOnTheNextWrite() throws IOException {
    TokenStore store = new TokenStore(config);
    store.put("p1", new Tokens("a", "r", Instant.EPOCH, "u"));
    Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(store.isPrivate()).isFalse();
    store.put("p1", new Tokens("a2", "r2", Instant.EPOCH, "u"));
    assertThat(store.isPrivate()).isTrue();
  }

  @Test
  void tokensNeverShowInToString() {
    Tokens tokens = new Tokens("secret-access", "secret-refresh", Instant.EPOCH, "alice");
    assertThat(tokens.toString()).doesNotContain("secret").contains("alice");
  }
}
