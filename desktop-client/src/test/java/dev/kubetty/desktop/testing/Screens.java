package dev.kubetty.desktop.testing;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import dev.kubetty.desktop.terminal.TerminalWidget;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Reading what a person sees: terminal text and PNG screenshots in target/ui-artifacts. */
public final class Screens {
  private Screens() {}

  /** The terminal's scroll-back and screen as text, lines separated by '\n'. */
  public static String text(TerminalWidget widget) {
    TerminalTextBuffer buffer = widget.getTerminalTextBuffer();
    buffer.lock();
    try {
      return buffer.getHistoryBuffer().getLines() + "\n" + buffer.getScreenLines();
    } finally {
      buffer.unlock();
    }
  }

  /** Whether a shell prompt ({@code $ } or {@code # }) is on the screen. */
  public static boolean promptShown(TerminalWidget widget) {
    return java.util.regex.Pattern.compile("[$#] *$", java.util.regex.Pattern.MULTILINE)
        .matcher(text(widget))
        .find();
  }

  /** Saves a PNG of {@code scene} as {@code name}.png; returns the file. */
  public static Path save(Scene scene, String name) throws Exception {
    Path dir = Path.of(System.getProperty("kubetty.ui.artifacts", "target/ui-artifacts"));
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png");
    WritableImage image =
        WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
    write(image, file);
    return file;
  }

  private static void write(WritableImage image, Path file) throws IOException {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    ImageIO.write(out, "png", file.toFile());
  }
}
