package dev.kubetty.relay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.relay.store.DatabaseExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FirstUserTest {
  @RegisterExtension static final DatabaseExtension db = new DatabaseExtension();

  @Test
  void createsOneUserWithAPrivateCredentialsFileOnlyWhenThereAreNone() throws Exception {
    UserAdmin users = new UserAdmin(db.database().jdbi(), new PasswordHasher());
    Path file = db.directory().resolve("creds/credentials");

    FirstUser.Credentials created = FirstUser.createIfNone(users, "admin", file).orElseThrow();
    assertThat(created.password()).hasSize(20);
    assertThat(created.toString()).doesNotContain(created.password());
    assertThat(Files.readString(file))
        .isEqualTo("username=admin\npassword=" + created.password() + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(new PasswordHasher().verify(created.password(), users.find("admin").passwordHash()))
        .isTrue();

    assertThat(FirstUser.createIfNone(users, "admin2", db.directory().resolve("other"))).isEmpty();
    assertThat(Files.exists(db.directory().resolve("other"))).isFalse();
  }
}
