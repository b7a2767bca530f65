package dev.kubetty.desktop.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamTtyConnectorTest {
  private final ByteArrayOutputStream input = new ByteArrayOutputStream();
  private final List<String> sizes = new ArrayList<>();
  private final StreamTtyConnector connector =
      new StreamTtyConnector(
          "test",
          new StreamTtyConnector.Sink() {
            @Override
            public void input(byte[] bytes) {
              input.writeBytes(bytes);
            }

            @Override
            public void resize(int cols, int rows) {
              sizes.add(cols + "x" + rows);
            }
          });

  @Test
  void utf8SplitAcrossChunksIsDecodedWhole() throws IOException {
    byte[] text = "é€😀 ok".getBytes(StandardCharsets.UTF_8);
    for (byte b : text) {
      connector.offer(new byte[] {b});
    }
    connector.close();
    assertThat(readAll()).isEqualTo("é€😀 ok");
  }

  @Test
  void malformedBytesBecomeReplacementCharacters() throws IOException {
    connector.offer(new byte[] {'a', (byte) 0xff, 'b'});
    connector.close();
    assertThat(readAll()).isEqualTo("a\uFFFDb");
  }

  @Test
  void answersToQueriesInReplayedHistoryNeverReachTheShell() throws IOException {
    byte[] history = "vim was here\u001b[6n\u001b]11;?\u0007".getBytes(StandardCharsets.UTF_8);
    connector.replayFollows(history.length);
    connector.offer(history);
    char[] buffer = new char[64];

    int n = connector.read(buffer, 0, buffer.length); // the emulator takes the history in...
    assertThat(new String(buffer, 0, n)).startsWith("vim was here");
    connector.write("\u001b[24;1R"); // ...and answers its queries while processing it
    connector.write("\u001b]11;rgb:0000/0000/0000\u0007");
    connector.write("ls"); // typing goes through even now

    connector.offer("$ ".getBytes(StandardCharsets.UTF_8)); // live output
    connector.read(buffer, 0, buffer.length); // the emulator is done with the history
    connector.write("\u001b[A"); // an arrow key

    assertThat(input.toString(StandardCharsets.UTF_8)).isEqualTo("ls\u001b[A");
  }

  @Test
  void keyboardAndSizeGoToTheSinkUntilClosed() throws IOException {
    connector.write("ls\r");
    connector.write(new byte[] {4});
    connector.resize(new TermSize(120, 40));
    connector.close();
    connector.write("lost");
    assertThat(input.toString(StandardCharsets.UTF_8)).isEqualTo("ls\r\u0004");
    assertThat(sizes).containsExactly("120x40");
    assertThat(connector.isConnected()).isFalse();
    assertThat(connector.offer(new byte[] {'x'})).isFalse();
  }

  private String readAll() throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buf = new char[3];
    int n;
    while ((n = connector.read(buf, 0, buf.length)) >= 0) {
      out.append(buf, 0, n);
    }
    return out.toString();
  }
}
