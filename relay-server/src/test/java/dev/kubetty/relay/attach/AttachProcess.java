package dev.kubetty.relay.attach;

import static org.assertj.core.api.Assertions.assertThat;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import dev.kubetty.relay.pty.NativeScratch;
import dev.kubetty.relay.testing.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code kubetty-relay attach} in a child JVM on a real PTY, wrapped in {@code sh} so that {@code
 * stty -a} reports the PTY's mode after attach has exited. Records everything the PTY prints.
 */
final class AttachProcess implements AutoCloseable {
  static final String STTY_MARKER = "--stty-after-attach--";
  private static final Pattern PROMPT = Pattern.compile("[$#] ");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final PtyProcess process;
  private final StringBuilder output = new StringBuilder();

  private AttachProcess(PtyProcess process) {
    this.process = process;
    Thread.ofPlatform().daemon().name("attach-pty-reader").start(this::read);
  }

  /** Starts attach with {@code args} on a PTY of 100×30. */
  static AttachProcess start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", wrapper(), "sh"));
    command.addAll(javaCommand(args));
    NativeScratch.prepare(); // no /tmp/pty4j-* left by the test JVM
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TERM", "xterm-256color");
    PtyProcess process =
        new PtyProcessBuilder(command.toArray(String[]::new))
            .setEnvironment(env)
            .setInitialColumns(100)
            .setInitialRows(30)
            .setRedirectErrorStream(true)
            .start();
    return new AttachProcess(process);
  }

  /** {@code java … KubettyRelay attach args…} with this JVM's binary and test classpath. */
  static List<String> javaCommand(String... args) {
    List<String> command = new ArrayList<>(List.of("attach"));
    command.addAll(List.of(args));
    return ChildJvm.kubettyRelay(command.toArray(String[]::new));
  }

  private static String wrapper() {
    return "\"$@\"; code=$?; echo " + STTY_MARKER + "; stty -a; exit $code";
  }

  /** Types {@code text}; a fresh array each time (pty4j mishandles offsets). */
  void type(String text) throws IOException {
    process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  /** Sends SIGTERM to the attach JVM (the child of the {@code sh} wrapper). */
  void terminateAttach() {
    ProcessHandle java =
        ProcessHandle.of(process.pid())
            .orElseThrow()
            .children()
            .findFirst()
            .orElseThrow(() -> new AssertionError("no child"));
    assertThat(java.destroy()).isTrue();
  }

  void resize(int cols, int rows) {
    process.setWinSize(new WinSize(cols, rows));
  }

  /** Waits until the output contains {@code text}; fails with the output so far. */
  void awaitOutput(String text) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!output().contains(text)) {
      assertThat(System.nanoTime())
          .as("waiting for %s in:%n%s", text, output())
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Waits for a shell prompt ({@code $ } or {@code # }): attach is live and in raw mode. */
  void awaitPrompt() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!PROMPT.matcher(output()).find()) {
      assertThat(System.nanoTime())
          .as("waiting for a prompt in:%n%s", output())
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Whether the output contains {@code text} within {@code timeout}. */
  boolean sawWithin(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (output().contains(text)) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Waits for the process (sh, which returns attach's code) to exit. */
  int awaitExit() throws InterruptedException {
    assertThat(process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .as("attach still running; output:%n%s", output())
        .isTrue();
    // Let the reader drain what the PTY still holds.
    Thread.sleep(100);
    return process.exitValue();
  }

  /** The words {@code stty -a} printed after attach exited. */
  List<String> sttyAfterExit() {
    String text = output();
    int marker = text.lastIndexOf(STTY_MARKER);
    assertThat(marker).as("no stty output in:%n%s", text).isNotNegative();
    return List.of(text.substring(marker + STTY_MARKER.length()).split("[\\s;]+"));
  }

  synchronized String output() {
    return output.toString();
  }

  private void read() {
    byte[] buffer = new byte[8192];
    try (InputStream in = process.getInputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        synchronized (this) {
          output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      // The PTY is gone once the process exits (EIO); what was read is kept.
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
