package dev.kubetty.desktop.terminal;

import com.techsenger.jeditermfx.core.Color;
import com.techsenger.jeditermfx.core.emulator.ColorPalette;

/**
 * The 16 ANSI colours, a dark palette in the GitHub Primer Dark family so the terminal matches the
 * AtlantaFX Primer Dark theme around it.
 */
public final class TerminalPalette extends ColorPalette {
  /** Default background, the theme's canvas colour. */
  public static final Color BACKGROUND = new Color(0x0d1117);

  /** Default foreground. */
  public static final Color FOREGROUND = new Color(0xe6edf3);

  /** Selected text background. */
  public static final Color SELECTION = new Color(0x264f78);

  private static final Color[] COLORS = {
    new Color(0x484f58), new Color(0xff7b72), new Color(0x3fb950), new Color(0xd29922),
    new Color(0x58a6ff), new Color(0xbc8cff), new Color(0x39c5cf), new Color(0xb1bac4),
    new Color(0x6e7681), new Color(0xffa198), new Color(0x56d364), new Color(0xe3b341),
    new Color(0x79c0ff), new Color(0xd2a8ff), new Color(0x56d4dd), new Color(0xf0f6fc),
  };

  @Override
  protected Color getForegroundByColorIndex(int index) {
    return COLORS[Math.floorMod(index, COLORS.length)];
  }

  @Override
  protected Color getBackgroundByColorIndex(int index) {
    return COLORS[Math.floorMod(index, COLORS.length)];
  }
}
