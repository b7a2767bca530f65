package dev.kubetty.desktop.app;

import java.util.List;

/**
 * Loads and initialises the classes a first tab needs (JSON, HTTP client, WebSocket client,
 * terminal emulator) on a background thread while the JavaFX toolkit starts, so cold start uses the
 * second core instead of doing it all in line. Failures are ignored: this only saves time.
 */
final class Prewarm {
  private static final List<String> CLASSES =
      List.of(
          "com.fasterxml.jackson.databind.ObjectMapper",
          "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule",
          "okhttp3.OkHttpClient",
          "okhttp3.internal.ws.RealWebSocket",
          "dev.kubetty.protocol.client.RelayClient",
          "dev.kubetty.protocol.MessageCodec",
          "com.techsenger.jeditermfx.core.emulator.JediEmulator",
          "com.techsenger.jeditermfx.core.model.JediTerminal",
          "com.techsenger.jeditermfx.core.model.TerminalTextBuffer",
          "com.techsenger.jeditermfx.ui.JediTermFxWidget",
          "com.techsenger.jeditermfx.ui.TerminalPanel",
          "atlantafx.base.theme.PrimerDark");

  private Prewarm() {}

  /** Starts warming up in the background; returns at once. */
  static void start() {
    Thread.ofPlatform()
        .daemon()
        .name("kubetty-prewarm")
        .start(
            () -> {
              ClassLoader loader = Prewarm.class.getClassLoader();
              for (String name : CLASSES) {
                try {
                  Class.forName(name, true, loader);
                } catch (ReflectiveOperationException | LinkageError e) {
                  // Only a head start: the class loads normally when it is needed.
                }
              }
              new okhttp3.OkHttpClient.Builder().build();
              JsonFiles.MAPPER.createObjectNode();
            });
  }
}
