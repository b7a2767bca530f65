package dev.kubetty.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubetty.protocol.ControlMessage.Ack;
import dev.kubetty.protocol.ControlMessage.ErrorReply;
import dev.kubetty.protocol.ControlMessage.Exit;
import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.protocol.ControlMessage.Ping;
import dev.kubetty.protocol.ControlMessage.Pong;
import dev.kubetty.protocol.ControlMessage.Ready;
import dev.kubetty.protocol.ControlMessage.Resize;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<ControlMessage> everyMessage() {
    return Stream.of(
        new Hello(80, 24, null, false, null),
        new Hello(1000, 500, 123_456_789_012L, true, "client-1"),
        new Hello(80, 24, null, false, null, "exec-ticket-1"),
        new Ready("s-1", 42, 1 << 20, 99),
        new Ready("s-1", 42, 1 << 20, 99, 17L),
        new Resize(132, 43),
        new Ack(Long.MAX_VALUE),
        new Ping(),
        new Pong(),
        new Exit(-1),
        new Exit(130),
        new ErrorReply("resize_out_of_range", "cols must be 1-1000"),
        new ErrorReply("x", null));
  }

  @ParameterizedTest
  @MethodSource("everyMessage")
  void roundTrips(ControlMessage message) {
    assertThat(MessageCodec.decode(MessageCodec.encode(message))).isEqualTo(message);
  }

  @ParameterizedTest
  @MethodSource("everyMessage")
  void encodesTypeField(ControlMessage message) throws Exception {
    JsonNode node = JSON.readTree(MessageCodec.encode(message));
    assertThat(node.get("type").asText()).isEqualTo(message.type());
  }

  @Test
  void helloCarriesNullResumeFromAndOmitsMissingClient() throws Exception {
    JsonNode node = JSON.readTree(MessageCodec.encode(new Hello(80, 24, null, false, null)));
    assertThat(node.has("resumeFrom")).isTrue();
    assertThat(node.get("resumeFrom").isNull()).isTrue();
    assertThat(node.has("client")).isFalse();
  }

  @Test
  void readyWithoutHeadDecodesAsMinusOne() {
    assertThat(
            MessageCodec.decode("{\"type\":\"ready\",\"session\":\"s\",\"offset\":5,\"window\":8}"))
        .isEqualTo(new Ready("s", 5, 8, -1));
  }

  @Test
  void readyCarriesTheInputCountOnlyWhenKnown() {
    assertThat(MessageCodec.encode(new Ready("s", 5, 8, 9))).doesNotContain("input");
    assertThat(MessageCodec.encode(new Ready("s", 5, 8, 9, 0L))).contains("\"input\":0");
  }

  @Test
  void ignoresUnknownFields() {
    assertThat(MessageCodec.decode("{\"type\":\"ack\",\"offset\":7,\"future\":[1,2]}"))
        .isEqualTo(new Ack(7));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"type":                                              | malformed JSON
          not json                                              | malformed JSON
          [1,2]                                                 | control frame must be a JSON object
          "hello"                                               | control frame must be a JSON object
          42                                                    | control frame must be a JSON object
          {}                                                    | field 'type' must be a string
          {"type":7}                                            | field 'type' must be a string
          {"type":"launch"}                                     | unknown message type 'launch'
          {"type":"hello","rows":24}                            | field 'cols' must be an integer
          {"type":"hello","cols":"80","rows":24}                | field 'cols' must be an integer
          {"type":"hello","cols":80,"rows":2.5}                 | field 'rows' must be an integer
          {"type":"hello","cols":80,"rows":24,"resumeFrom":-1}  | field 'resumeFrom' must be a non-negative integer
          {"type":"hello","cols":80,"rows":24,"takeover":"yes"} | field 'takeover' must be true or false
          {"type":"hello","cols":80,"rows":24,"client":5}       | field 'client' must be a string or null
          {"type":"ready","offset":0,"window":1}                | field 'session' must be a string
          {"type":"ready","session":"s","window":1}             | field 'offset' must be an integer
          {"type":"ready","session":"s","offset":-5,"window":1} | field 'offset' must be a non-negative integer
          {"type":"ack"}                                        | field 'offset' must be an integer
          {"type":"ack","offset":-1}                            | field 'offset' must be a non-negative integer
          {"type":"ack","offset":"1"}                           | field 'offset' must be a non-negative integer
          {"type":"exit"}                                       | field 'code' must be an integer
          {"type":"error","message":"m"}                        | field 'code' must be a string
          {"type":"resize","cols":80}                           | field 'rows' must be an integer
          """)
  void rejectsWithNamedProblem(String text, String problem) {
    assertThatThrownBy(() -> MessageCodec.decode(text))
        .isInstanceOf(ProtocolException.class)
        .hasMessage(problem);
  }

  @Test
  void abbreviatesLongUnknownType() {
    String type = "x".repeat(100);
    assertThatThrownBy(() -> MessageCodec.decode("{\"type\":\"" + type + "\"}"))
        .hasMessage("unknown message type '" + "x".repeat(32) + "…'");
  }
}
