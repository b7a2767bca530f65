package dev.kubetty.relay.cli;

import dev.kubetty.relay.auth.PasswordHasher;
import dev.kubetty.relay.auth.UserAdmin;
import dev.kubetty.relay.auth.UserAdminException;
import dev.kubetty.relay.auth.UserRow;
import dev.kubetty.relay.config.ConfigException;
import dev.kubetty.relay.store.Database;
import dev.kubetty.relay.store.DatabaseConfig;
import dev.kubetty.relay.store.StoreException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.JdbiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code users}: manages the local users of {@code AUTH_MODE=local} in the relay's database (the
 * same {@code CNPG_*} / {@code DATABASE_URL} / {@code KUBETTY_DATA_DIR} settings as {@code serve};
 * with the embedded PostgreSQL it joins a running relay's server or starts its own).
 *
 * <p>Exit codes: 0 done; 1 the database failed; 2 bad usage, configuration, username or password; 3
 * the user already exists; 4 no such user.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manage local users (AUTH_MODE=local).",
    subcommands = {
      UsersCommand.Create.class,
      UsersCommand.ListUsers.class,
      UsersCommand.UpdatePassword.class,
      UsersCommand.SetActive.class,
      UsersCommand.Delete.class
    })
final class UsersCommand implements Runnable {
  static final int EXISTS = 3;
  static final int UNKNOWN = 4;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
  }

  /** Runs {@code action} against the configured database and maps failures to exit codes. */
  int withUsers(UserAction action) {
    PrintWriter err = spec.commandLine().getErr();
    DatabaseConfig config;
    try {
      config = DatabaseConfig.fromEnv(System.getenv());
    } catch (ConfigException e) {
      err.println("kubetty-relay: configuration error: " + e.getMessage());
      return 2;
    }
    try (Database database = Database.openBeside(config)) {
      action.run(new UserAdmin(database.jdbi(), new PasswordHasher()), spec.commandLine().getOut());
      return 0;
    } catch (UserAdminException e) {
      err.println("kubetty-relay: " + e.getMessage());
      return switch (e.kind()) {
        case EXISTS -> EXISTS;
        case UNKNOWN -> UNKNOWN;
        case INVALID -> 2;
      };
    } catch (PasswordInputException e) {
      err.println("kubetty-relay: " + e.getMessage());
      return 2;
    } catch (StoreException | JdbiException e) {
      err.println("kubetty-relay: database error: " + e.getMessage());
      return 1;
    }
  }

  @FunctionalInterface
  interface UserAction {
    void run(UserAdmin users, PrintWriter out);
  }

  /** The password was not given in a usable way. */
  static final class PasswordInputException extends RuntimeException {
    PasswordInputException(String message) {
      super(message);
    }
  }

  /** Where a new password comes from: one line of stdin, or a prompt typed twice. */
  static final class PasswordInput {
    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input.")
    boolean stdin;

    char[] read() {
      if (stdin) {
        try {
          BufferedReader in =
              new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
          String line = in.readLine();
          if (line == null || line.isEmpty()) {
            throw new PasswordInputException("no password on standard input");
          }
          return line.toCharArray();
        } catch (IOException e) {
          throw new PasswordInputException("cannot read standard input: " + e.getMessage());
        }
      }
      Console console = System.console();
      if (console == null) {
        throw new PasswordInputException(
            "no terminal to ask for the password; pipe it in with --password-stdin");
      }
      char[] first = console.readPassword("Password: ");
      char[] second = console.readPassword("Repeat password: ");
      if (first == null || second == null || !Arrays.equals(first, second)) {
        throw new PasswordInputException("the passwords do not match");
      }
      Arrays.fill(second, '\0');
      return first;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user.")
  static final class Create implements Callable<Integer> {
    @ParentCommand UsersCommand parent;

    @Option(names = "--username", required = true, description = "The new user's name.")
    String username;

    @picocli.CommandLine.Mixin PasswordInput password;

    @Override
    public Integer call() {
      return parent.withUsers(
          (users, out) -> {
            char[] secret = password.read();
            try {
              users.create(username, CharBuffer.wrap(secret));
            } finally {
              Arrays.fill(secret, '\0');
            }
            out.println("created user " + username);
          });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
  static final class ListUsers implements Callable<Integer> {
    @ParentCommand UsersCommand parent;

    @Override
    public Integer call() {
      return parent.withUsers(
          (users, out) -> {
            out.printf("%-32s %-8s %s%n", "USERNAME", "ACTIVE", "CREATED");
            for (UserRow user : users.list()) {
              out.printf(
                  "%-32s %-8s %s%n",
                  user.username(), user.active() ? "yes" : "no", user.createdAt().toInstant());
            }
          });
    }
  }

  @Command(
      name = "update-password",
      mixinStandardHelpOptions = true,
      description = "Set a user's password; ends the user's logins.")
  static final class UpdatePassword implements Callable<Integer> {
    @ParentCommand UsersCommand parent;

    @Option(names = "--username", required = true, description = "The user.")
    String username;

    @picocli.CommandLine.Mixin PasswordInput password;

    @Override
    public Integer call() {
      return parent.withUsers(
          (users, out) -> {
            users.find(username);
            char[] secret = password.read();
            try {
              users.updatePassword(username, CharBuffer.wrap(secret));
            } finally {
              Arrays.fill(secret, '\0');
            }
            out.println("updated the password of " + username + "; its logins have ended");
          });
    }
  }

  @Command(
      name = "set-active",
      mixinStandardHelpOptions = true,
      description = "Activate or deactivate a user; deactivating ends its logins at once.")
  static final class SetActive implements Callable<Integer> {
    @ParentCommand UsersCommand parent;

    @Option(names = "--username", required = true, description = "The user.")
    String username;

    @Option(names = "--active", required = true, arity = "1", description = "true or false.")
    boolean active;

    @Override
    public Integer call() {
      return parent.withUsers(
          (users, out) -> {
            users.setActive(username, active);
            out.println(username + (active ? " is active" : " is deactivated; its logins ended"));
          });
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a user and end its logins.")
  static final class Delete implements Callable<Integer> {
    @ParentCommand UsersCommand parent;

    @Option(names = "--username", required = true, description = "The user.")
    String username;

    @Override
    public Integer call() {
      return parent.withUsers(
          (users, out) -> {
            users.delete(username);
            out.println("deleted user " + username);
          });
    }
  }
}
