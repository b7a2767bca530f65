package dev.kubetty.relay.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = KubettyRelay.class.getPackage().getImplementationVersion();
    return new String[] {"kubetty-relay " + (version == null ? "dev" : version)};
  }
}
