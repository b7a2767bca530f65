package dev.kubetty.desktop.terminal;

import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import com.techsenger.jeditermfx.ui.TerminalPanel;
import com.techsenger.jeditermfx.ui.settings.SettingsProvider;
import java.util.function.Consumer;
import javafx.scene.input.KeyEvent;

/**
 * JediTermFX's widget with what the app adds: the OSC window title reported to a listener, font
 * zoom, and the fix for JediTermFX 1.0.0 sending a NUL byte when Shift, Ctrl, Alt or Meta is
 * pressed alone (which ended {@code cat}, broke vim counts and made Ctrl-D arrive as NUL + EOT):
 * modifier-only key presses are swallowed before the terminal sees them. JavaFX thread only, except
 * the title callback (see {@link #onTitle}).
 */
public final class TerminalWidget extends JediTermFxWidget {
  private final TerminalSettings settings;

  public TerminalWidget(int cols, int rows, TerminalSettings settings) {
    super(cols, rows, settings);
    this.settings = settings;
    getPane().addEventFilter(KeyEvent.KEY_PRESSED, TerminalWidget::swallowModifierOnly);
    getPane().addEventFilter(KeyEvent.KEY_TYPED, TerminalWidget::swallowNul);
  }

  /** Calls {@code listener} with each title the shell sets (OSC 0 or 2), on the emulator thread. */
  public void onTitle(Consumer<String> listener) {
    ((TitledPanel) getTerminalPanel()).titleListener = listener;
  }

  /** Changes the font size by {@code delta} points (0 resets); returns the size in effect. */
  public float zoom(float delta) {
    float next =
        delta == 0
            ? settings.setFontSize(TerminalSettings.DEFAULT_SIZE)
            : settings.setFontSize(settings.getTerminalFontSize() + delta);
    ((TitledPanel) getTerminalPanel()).refreshFont();
    return next;
  }

  /** The font size in effect. */
  public float fontSize() {
    return settings.getTerminalFontSize();
  }

  @Override
  protected TerminalPanel createTerminalPanel(
      SettingsProvider settingsProvider, StyleState styleState, TerminalTextBuffer buffer) {
    return new TitledPanel(settingsProvider, buffer, styleState);
  }

  static void swallowModifierOnly(KeyEvent event) {
    if (event.getCode().isModifierKey()) {
      event.consume();
    }
  }

  static void swallowNul(KeyEvent event) {
    String ch = event.getCharacter();
    if (ch.isEmpty() || ch.equals("\0") || ch.equals(KeyEvent.CHAR_UNDEFINED)) {
      if (!event.isControlDown()) {
        event.consume();
      }
    }
  }

  private static final class TitledPanel extends TerminalPanel {
    private volatile Consumer<String> titleListener = title -> {};

    TitledPanel(SettingsProvider settings, TerminalTextBuffer buffer, StyleState styleState) {
      super(settings, buffer, styleState);
    }

    @Override
    public void setWindowTitle(String title) {
      super.setWindowTitle(title);
      titleListener.accept(title);
    }

    void refreshFont() {
      reinitFontAndResize();
    }
  }
}
