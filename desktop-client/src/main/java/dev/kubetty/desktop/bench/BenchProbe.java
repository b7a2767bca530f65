package dev.kubetty.desktop.bench;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import dev.kubetty.desktop.app.MainWindow;
import dev.kubetty.desktop.tabs.TabState;
import dev.kubetty.desktop.terminal.TerminalPane;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javafx.application.Platform;

/**
 * Runs inside the app when {@code -Dkubetty.bench.probe=true}: prints {@code kubetty-probe prompt
 * <ms since JVM start>} when the first tab is live and shows a prompt, then (with {@code
 * -Dkubetty.bench.render.mb=N}) has the shell print N MB and prints {@code kubetty-probe render
 * <ms>} once the emulator has processed the last line, and quits. Lines go to stdout for {@link
 * DesktopBench}.
 */
public final class BenchProbe {
  private static final Pattern PROMPT = Pattern.compile("[$#] *$", Pattern.MULTILINE);
  private static final String MARKER = "BENCH-42-DONE";

  private final MainWindow window;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("kubetty-bench-probe").unstarted(r));
  private long renderStart;
  private boolean liveSeen;

  private BenchProbe(MainWindow window) {
    this.window = window;
  }

  /** With probing on, prints {@code kubetty-probe phase NAME <ms since JVM start>}. */
  public static void mark(String phase) {
    if (Boolean.getBoolean("kubetty.bench.probe")) {
      long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      System.out.println("kubetty-probe phase " + phase + " " + ms);
    }
  }

  /** Starts probing if the system property asks for it. */
  public static void installIfRequested(MainWindow window) {
    if (Boolean.getBoolean("kubetty.bench.probe")) {
      new BenchProbe(window).start();
    }
  }

  private void start() {
    timer.scheduleWithFixedDelay(this::checkPrompt, 5, 5, TimeUnit.MILLISECONDS);
  }

  private void checkPrompt() {
    TerminalPane pane = selectedPane();
    if (pane == null || pane.model().status().state() != TabState.LIVE) {
      return;
    }
    if (!liveSeen) {
      liveSeen = true;
      mark("live");
    }
    if (!PROMPT.matcher(screen(pane)).find()) {
      return;
    }
    long sinceStart =
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println("kubetty-probe prompt " + sinceStart);
    System.out.flush();
    timer.shutdown();
    int megabytes = Integer.getInteger("kubetty.bench.render.mb", 0);
    if (megabytes > 0) {
      startRender(pane, megabytes);
    } else {
      Platform.runLater(Platform::exit);
    }
  }

  private void startRender(TerminalPane pane, int megabytes) {
    String command =
        "yes 'kubetty render benchmark: the quick brown fox jumps over the lazy dog 0123456789'"
            + " | head -c "
            + (megabytes * 1024L * 1024L)
            + "; echo; echo BENCH-$((40+2))-DONE\r";
    ScheduledExecutorService poll =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("kubetty-bench-render").unstarted(r));
    renderStart = System.nanoTime();
    try {
      pane.widget().getTtyConnector().write(command.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      System.out.println("kubetty-probe error " + e.getMessage());
      Platform.runLater(Platform::exit);
      return;
    }
    poll.scheduleWithFixedDelay(
        () -> {
          if (screen(pane).contains(MARKER)) {
            long ms = (System.nanoTime() - renderStart) / 1_000_000;
            System.out.println("kubetty-probe render " + ms);
            System.out.flush();
            poll.shutdown();
            Platform.runLater(Platform::exit);
          }
        },
        20,
        20,
        TimeUnit.MILLISECONDS);
  }

  private TerminalPane selectedPane() {
    try {
      return java.util.concurrent.CompletableFuture.supplyAsync(
              window::selectedPane, Platform::runLater)
          .get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      return null;
    }
  }

  private static String screen(TerminalPane pane) {
    TerminalTextBuffer buffer = pane.widget().getTerminalTextBuffer();
    buffer.lock();
    try {
      return buffer.getScreenLines();
    } finally {
      buffer.unlock();
    }
  }
}
