package dev.kubetty.relay.testing;

import dev.kubetty.relay.server.RelayServer;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real relay for a test class: registered on a {@code static} field it is shared by the class's
 * tests, on an instance field each test gets a fresh one. Always 127.0.0.1, port 0.
 */
public final class RelayExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
  private final Map<String, String> environment;
  private RelayServer relay;
  private boolean perClass;

  /** A relay configured by {@code environment} on top of {@link RelayFixture}'s defaults. */
  public RelayExtension(Map<String, String> environment) {
    this.environment = environment;
  }

  public RelayExtension() {
    this(Map.of());
  }

  public RelayServer relay() {
    return relay;
  }

  public URI webSocketUri() {
    return relay.webSocketUri();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    perClass = true;
    relay = RelayFixture.start(environment);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      relay = RelayFixture.start(environment);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      relay.close();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (perClass) {
      relay.close();
    }
  }
}
