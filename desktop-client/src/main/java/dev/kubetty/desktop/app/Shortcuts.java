package dev.kubetty.desktop.app;

import dev.kubetty.desktop.terminal.TerminalPane;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard shortcuts, caught before the terminal sees the key (so they never reach the
 * shell):
 *
 * <pre>
 *   Ctrl+Shift+T  local shell tab      Ctrl+Shift+W  close tab
 *   Ctrl+Shift+K  exec into pod…
 *   Ctrl+Tab / Ctrl+PageDown  next     Ctrl+Shift+Tab / Ctrl+PageUp  previous
 *   Ctrl+Shift+C  copy                 Ctrl+Shift+V  paste
 *   Ctrl+=  Ctrl+Shift+=  zoom in      Ctrl+-  zoom out      Ctrl+0  reset zoom
 * </pre>
 */
final class Shortcuts {
  private final Map<KeyCombination, Runnable> actions = new LinkedHashMap<>();

  Shortcuts(MainWindow window) {
    bind(shift(KeyCode.T), window::openLocalShell);
    bind(shift(KeyCode.K), window::openExecPicker);
    bind(shift(KeyCode.W), () -> window.tabs().closeSelected());
    bind(ctrl(KeyCode.TAB), () -> window.tabs().next());
    bind(ctrl(KeyCode.PAGE_DOWN), () -> window.tabs().next());
    bind(shift(KeyCode.TAB), () -> window.tabs().previous());
    bind(ctrl(KeyCode.PAGE_UP), () -> window.tabs().previous());
    bind(
        shift(KeyCode.C),
        () -> withPane(window, p -> p.widget().getTerminalPanel().handleCopy(false, false)));
    bind(
        shift(KeyCode.V), () -> withPane(window, p -> p.widget().getTerminalPanel().handlePaste()));
    bind(ctrl(KeyCode.EQUALS), () -> window.zoom(1));
    bind(shift(KeyCode.EQUALS), () -> window.zoom(1));
    bind(ctrl(KeyCode.PLUS), () -> window.zoom(1));
    bind(ctrl(KeyCode.ADD), () -> window.zoom(1));
    bind(ctrl(KeyCode.MINUS), () -> window.zoom(-1));
    bind(ctrl(KeyCode.SUBTRACT), () -> window.zoom(-1));
    bind(ctrl(KeyCode.DIGIT0), () -> window.zoom(0));
  }

  void install(Scene scene) {
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        event -> {
          for (Map.Entry<KeyCombination, Runnable> entry : actions.entrySet()) {
            if (entry.getKey().match(event)) {
              event.consume();
              entry.getValue().run();
              return;
            }
          }
        });
  }

  private void bind(KeyCombination combination, Runnable action) {
    actions.put(combination, action);
  }

  private static void withPane(MainWindow window, java.util.function.Consumer<TerminalPane> use) {
    TerminalPane pane = window.selectedPane();
    if (pane != null) {
      use.accept(pane);
    }
  }

  private static KeyCombination ctrl(KeyCode code) {
    return new KeyCodeCombination(code, KeyCombination.CONTROL_DOWN);
  }

  private static KeyCombination shift(KeyCode code) {
    return new KeyCodeCombination(code, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN);
  }
}
