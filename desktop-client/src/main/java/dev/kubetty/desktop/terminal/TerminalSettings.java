package dev.kubetty.desktop.terminal;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.emulator.ColorPalette;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;
import javafx.scene.text.Font;

/**
 * The terminal's look and feel: DejaVu Sans Mono (falling back to the platform's monospace), a
 * zoomable font size (8–40 pt), the {@link TerminalPalette}, 10,000 lines of scroll-back. One
 * instance per tab; the size is changed on the JavaFX thread.
 */
public final class TerminalSettings extends DefaultSettingsProvider {
  /** Font size when nothing was zoomed. */
  public static final float DEFAULT_SIZE = 14f;

  private static final String FAMILY = pickFamily();
  private static final ColorPalette PALETTE = new TerminalPalette();
  private float size;

  public TerminalSettings(float size) {
    this.size = clamp(size);
  }

  /** Sets the font size, clamped to 8–40; returns the size in effect. */
  public float setFontSize(float newSize) {
    size = clamp(newSize);
    return size;
  }

  @Override
  public float getTerminalFontSize() {
    return size;
  }

  @Override
  public Font getTerminalFont() {
    return Font.font(FAMILY, size);
  }

  @Override
  public TerminalColor getDefaultForeground() {
    return TerminalColor.fromColor(TerminalPalette.FOREGROUND);
  }

  @Override
  public TerminalColor getDefaultBackground() {
    return TerminalColor.fromColor(TerminalPalette.BACKGROUND);
  }

  @Override
  public TextStyle getDefaultStyle() {
    return new TextStyle(getDefaultForeground(), getDefaultBackground());
  }

  @Override
  public TextStyle getSelectionColor() {
    return new TextStyle(
        TerminalColor.fromColor(TerminalPalette.FOREGROUND),
        TerminalColor.fromColor(TerminalPalette.SELECTION));
  }

  @Override
  public ColorPalette getTerminalColorPalette() {
    return PALETTE;
  }

  @Override
  public int getBufferMaxLinesCount() {
    return Integer.getInteger("kubetty.scrollback", 10_000);
  }

  @Override
  public boolean copyOnSelect() {
    return false;
  }

  @Override
  public int caretBlinkingMs() {
    return 600;
  }

  private static float clamp(float value) {
    return Math.max(8f, Math.min(40f, value));
  }

  private static String pickFamily() {
    // Font.font falls back to the default family when one is missing; asking for a font is much
    // cheaper than listing every family on the system.
    for (String family : new String[] {"DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono"}) {
      if (Font.font(family, 12).getFamily().equals(family)) {
        return family;
      }
    }
    return "Monospaced";
  }
}
