package dev.kubetty.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubetty.protocol.ControlMessage.Exit;
import dev.kubetty.protocol.ControlMessage.Hello;
import dev.kubetty.protocol.ControlMessage.Resize;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Drops, resumes, gaps, repeats, final close codes and take-over across several sockets. */
class RelayClientReconnectTest extends RelayClientTestBase {
  @Test
  void reconnectsAfterNetworkDropResumingFromOffset() {
    RelayPeer first = connectLive(0, 1024);
    first.output("hello");
    events.expect("output 0 hello");

    RelayPeer second = enqueueRelay();
    sockets.cutAll();
    events.expect("state RECONNECTING");
    assertThat(events.lastDetail).startsWith("attempt 1 in ");
    assertThat(second.message()).isEqualTo(new Hello(80, 24, 5L, false, ID));
    second.ready(5, 1024);
    second.output("!");
    events.expect("state LIVE", "output 5 !");
  }

  @Test
  void inputTheDeadConnectionSwallowedIsSentAgainFirst() {
    RelayPeer first = connectLive(0, 1024);
    client.send(bytes("ls"));
    client.send(bytes(" -la\r"));
    assertThat(first.input()).isEqualTo("ls");
    assertThat(first.input()).isEqualTo(" -la\r");

    RelayPeer second = enqueueRelay();
    sockets.cutAll();
    events.expect("state RECONNECTING");
    client.send(bytes("pwd\r")); // typed while reconnecting
    second.message();
    second.readyWithInput(0, 1024, 3); // the relay got "ls " only
    assertThat(second.input()).isEqualTo("-la\r");
    assertThat(second.input()).isEqualTo("pwd\r");
    events.expect("state LIVE");

    RelayPeer third = enqueueRelay();
    sockets.cutAll();
    third.message();
    third.readyWithInput(0, 1024, 11); // everything arrived: nothing again
    events.expect("state RECONNECTING", "state LIVE");
    client.send(bytes("x"));
    assertThat(third.input()).isEqualTo("x");
  }

  @Test
  void aRelayThatDoesNotKnowTheClientGetsNothingAgain() {
    RelayPeer first = connectLive(0, 1024);
    client.send(bytes("echo 1\r"));
    assertThat(first.input()).isEqualTo("echo 1\r");

    RelayPeer second = enqueueRelay();
    sockets.cutAll();
    second.message();
    second.ready(0, 1024); // a restarted relay: no input count
    events.expect("state RECONNECTING", "state LIVE");
    client.send(bytes("z"));
    assertThat(second.input()).isEqualTo("z");
  }

  @Test
  void reconnectsAfterGoingAwayButNotAfterNormalClose() {
    RelayPeer first = connectLive(0, 1024);
    RelayPeer second = enqueueRelay();
    first.close(1001, "restarting");
    events.expect("state RECONNECTING");
    second.message();
    second.ready(0, 1024);
    events.expect("state LIVE");

    second.close(1000, "bye");
    events.expect("state CLOSED", "closed 1000 bye");
    assertThat(client.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void reportsGapWhenRelayNoLongerHasTheWantedBytes() {
    RelayPeer first = connectLive(0, 1024);
    first.output("hello");
    events.expect("output 0 hello");

    RelayPeer second = enqueueRelay();
    sockets.cutAll();
    events.expect("state RECONNECTING");
    second.message();
    second.ready(9, 1024);
    second.output("x");
    events.expect("gap 5 9", "state LIVE", "output 9 x");
    assertThat(client.offset()).isEqualTo(10);
  }

  @Test
  void theListenerIsToldWhichOutputIsReplayedHistory() {
    events.recordReplays = true;
    RelayPeer first = enqueueRelay();
    client = builder().build();
    client.connect();
    first.message();
    first.ready(0, 1024, 6); // a fresh client: [0, 6) is scroll-back
    first.output("prompt");
    first.output("!");
    events.expect("state CONNECTING", "replay 0 6", "state LIVE", "output 0 prompt", "output 6 !");

    RelayPeer second = enqueueRelay();
    sockets.cutAll();
    events.expect("state RECONNECTING");
    second.message();
    second.ready(7, 1024, 9); // the resume missed [7, 9)
    second.output("ab");
    events.expect("replay 7 9", "state LIVE", "output 7 ab");

    RelayPeer third = enqueueRelay();
    sockets.cutAll();
    events.expect("state RECONNECTING");
    third.message();
    third.ready(9, 1024, 9); // nothing missed: nothing replayed
    events.expect("state LIVE");
    events.assertExhausted();
  }

  @Test
  void skipsRepeatedBytesWhenRelayResumesEarlier() {
    RelayPeer first = connectLive(0, 1024);
    first.output("hello");
    events.expect("output 0 hello");

    RelayPeer second = enqueueRelay();
    sockets.cutAll();
    events.expect("state RECONNECTING");
    second.message();
    second.ready(2, 1024, 11);
    second.output("ll");
    second.send(new Exit(0)); // at offset 4: the consumer had that exit already
    second.output("o w");
    second.output("orld");
    events.expect("state LIVE", "output 5  w", "output 7 orld");
    events.assertExhausted();
  }

  @Test
  void rewindsWhenTheRelayLostTheTailWeSaw() {
    RelayPeer first = connectLive(0, 1024);
    first.output("hello");
    events.expect("output 0 hello");

    RelayPeer second = enqueueRelay();
    sockets.cutAll();
    events.expect("state RECONNECTING");
    second.message();
    second.ready(3, 1024, 3); // restarted relay: its stream ends at 3, before our 5
    second.output("new");
    events.expect("rewind 5 3", "state LIVE", "output 3 new");
    assertThat(client.offset()).isEqualTo(6);
  }

  @Test
  void dropConnectionReconnectsAndIgnoresTheOldSocket() {
    RelayPeer first = connectLive(0, 1024);
    first.output("abc");
    events.expect("output 0 abc");

    RelayPeer second = enqueueRelay();
    client.dropConnection();
    events.expect("state RECONNECTING");
    assertThat(second.message()).isEqualTo(new Hello(80, 24, 3L, false, ID));
    second.ready(3, 1024);
    events.expect("state LIVE");
    assertThat(client.send(bytes("z"))).isTrue();
    assertThat(second.input()).isEqualTo("z");
    events.assertExhausted();
  }

  @Test
  void busyIsFinalUntilTakeOverWhichSendsTakeoverOnce() {
    RelayPeer first = enqueueRelay();
    client = builder().resumeFrom(12L).build();
    client.connect();
    first.message();
    first.close(4409, "session busy");
    events.expect("state CONNECTING", "state CLOSED", "closed 4409 session busy");
    assertThat(client.state()).isEqualTo(State.CLOSED);

    // An automatic reconnect would reach this relay with takeover:false.
    RelayPeer second = enqueueRelay();
    assertThat(client.takeOver()).isTrue();
    assertThat(second.message()).isEqualTo(new Hello(80, 24, 12L, true, ID));
    second.ready(12, 1024);
    events.expect("state CONNECTING", "state LIVE");

    RelayPeer third = enqueueRelay();
    sockets.cutAll();
    events.expect("state RECONNECTING");
    assertThat(third.message()).isEqualTo(new Hello(80, 24, 12L, false, ID));
  }

  @Test
  void takenOverIsFinal() {
    RelayPeer relay = connectLive(0, 1024);
    relay.close(4410, "taken over");
    events.expect("state CLOSED", "closed 4410 taken over");
    assertThat(client.send(bytes("x"))).isFalse();
  }

  @Test
  void unauthorizedUpgradeIsFinalAndReportedAs4401() {
    server.enqueue(new MockResponse.Builder().code(401).build());
    client = builder().build();
    client.connect();
    events.expect("state CONNECTING", "state CLOSED", "closed 4401 HTTP 401 at upgrade");
  }

  @Test
  void serverErrorAtUpgradeIsRetried() {
    server.enqueue(new MockResponse.Builder().code(503).build());
    RelayPeer relay = enqueueRelay();
    client = builder().build();
    client.connect();
    events.expect("state CONNECTING", "state RECONNECTING");
    relay.message();
    relay.ready(0, 1024);
    events.expect("state LIVE");
  }

  @Test
  void resizeIsSentWhenLiveAndUsedInLaterHellos() {
    RelayPeer first = connectLive(0, 1024);
    client.resize(120, 40);
    assertThat(first.message()).isEqualTo(new Resize(120, 40));

    RelayPeer second = enqueueRelay();
    sockets.cutAll();
    assertThat(second.message()).isEqualTo(new Hello(120, 40, 0L, false, ID));
  }

  @Test
  void asksForAuthorizationBeforeEveryConnect() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    RelayPeer first = enqueueRelay();
    client = builder().authorization(() -> "Bearer " + calls.incrementAndGet()).build();
    client.connect();
    first.message();
    RelayPeer second = enqueueRelay();
    sockets.cutAll();
    second.message();
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
        .isEqualTo("Bearer 1");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
        .isEqualTo("Bearer 2");
  }

  @Test
  void failingAuthorizationSupplierIsRetried() {
    AtomicInteger calls = new AtomicInteger();
    RelayPeer relay = enqueueRelay();
    client =
        builder()
            .authorization(
                () -> {
                  if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("refresh failed");
                  }
                  return null;
                })
            .build();
    client.connect();
    events.expect("state CONNECTING", "state RECONNECTING");
    assertThat(events.lastDetail).endsWith("authorization supplier threw IllegalStateException");
    assertThat(relay.message()).isInstanceOf(Hello.class);
  }
}
