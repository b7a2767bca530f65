package dev.kubetty.relay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.relay.auth.AccessTokens;
import dev.kubetty.relay.auth.LocalAuthenticator;
import dev.kubetty.relay.auth.LoginResult;
import dev.kubetty.relay.auth.PasswordHasher;
import dev.kubetty.relay.store.DatabaseExtension;
import dev.kubetty.relay.testing.ChildJvm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kubetty-relay users …} end to end: a child JVM per command, as a script would run it,
 * against a real PostgreSQL; checks output, exit codes and what the database then holds.
 */
class UsersCommandTest {
  @RegisterExtension static final DatabaseExtension db = new DatabaseExtension();

  record Run(int exit, String out, String err) {}

  Run users(String stdin, String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "users";
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder builder = new ProcessBuilder(ChildJvm.kubettyRelay(command));
    builder.environment().keySet().removeIf(k -> k.startsWith("CNPG_") || k.equals("DATABASE_URL"));
    builder.environment().put("DATABASE_URL", db.jdbcUrl());
    builder.environment().put("CNPG_USER", "postgres");
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  LoginResult login(String username, String password) {
    LocalAuthenticator auth =
        new LocalAuthenticator(
            db.database().jdbi(),
            new PasswordHasher(),
            new AccessTokens(new byte[32], "kubetty", Duration.ofMinutes(1), Clock.systemUTC()),
            Duration.ofHours(1));
    return auth.login(username, password, "cli-test-" + System.nanoTime());
  }

  @Test
  void theWholeLifecycleOfAUser() throws Exception {
    Run created = users("s3cret-password\n", "create", "--username", "mallory", "--password-stdin");
    assertThat(created.exit()).as(created.err()).isZero();
    assertThat(created.out()).contains("created user mallory");
    assertThat(created.out() + created.err()).doesNotContain("s3cret-password");
    assertThat(login("mallory", "s3cret-password")).isInstanceOf(LoginResult.Success.class);

    Run duplicate =
        users("another-password\n", "create", "--username", "MALLORY", "--password-stdin");
    assertThat(duplicate.exit()).isEqualTo(3);
    assertThat(duplicate.err()).contains("user 'MALLORY' already exists");

    Run list = users(null, "list");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).containsPattern("mallory\\s+yes");

    Run changed =
        users("new-password-1\n", "update-password", "--username", "mallory", "--password-stdin");
    assertThat(changed.exit()).as(changed.err()).isZero();
    assertThat(login("mallory", "s3cret-password")).isInstanceOf(LoginResult.Rejected.class);
    assertThat(login("mallory", "new-password-1")).isInstanceOf(LoginResult.Success.class);

    assertThat(users(null, "set-active", "--username", "mallory", "--active=false").exit())
        .isZero();
    assertThat(users(null, "list").out()).containsPattern("mallory\\s+no");
    assertThat(login("mallory", "new-password-1")).isInstanceOf(LoginResult.Rejected.class);
    assertThat(users(null, "set-active", "--username", "mallory", "--active=true").exit()).isZero();
    assertThat(login("mallory", "new-password-1")).isInstanceOf(LoginResult.Success.class);

    assertThat(users(null, "delete", "--username", "mallory").exit()).isZero();
    assertThat(login("mallory", "new-password-1")).isInstanceOf(LoginResult.Rejected.class);
  }

  @Test
  void errorsHaveExitCodesScriptsCanUse() throws Exception {
    Run unknown = users(null, "delete", "--username", "nobody");
    assertThat(unknown.exit()).isEqualTo(4);
    assertThat(unknown.err()).contains("no user 'nobody'");
    assertThat(users(null, "set-active", "--username", "nobody", "--active=false").exit())
        .isEqualTo(4);

    Run weak = users("short\n", "create", "--username", "weak", "--password-stdin");
    assertThat(weak.exit()).isEqualTo(2);
    assertThat(weak.err()).contains("password must be at least 8 characters");

    Run badName =
        users("long enough password\n", "create", "--username", "bad name", "--password-stdin");
    assertThat(badName.exit()).isEqualTo(2);
    assertThat(badName.err()).contains("username must be");

    Run noPassword = users("", "create", "--username", "empty", "--password-stdin");
    assertThat(noPassword.exit()).isEqualTo(2);
    assertThat(noPassword.err()).contains("no password on standard input");

    // No terminal to prompt on (stdin is a pipe): say how to pass it instead.
    Run noConsole = users(null, "create", "--username", "prompted");
    assertThat(noConsole.exit()).isEqualTo(2);
    assertThat(noConsole.err()).contains("--password-stdin");

    assertThat(users(null, "frobnicate").exit()).isEqualTo(2);
  }
}
