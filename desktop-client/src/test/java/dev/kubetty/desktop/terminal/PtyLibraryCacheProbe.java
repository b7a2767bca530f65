package dev.kubetty.desktop.terminal;

/** Main class for {@link PtyLibraryCacheTest}'s child JVM: opens one local shell and ends it. */
final class PtyLibraryCacheProbe {
  private PtyLibraryCacheProbe() {}

  public static void main(String[] args) throws Exception {
    LocalShellConnector shell = LocalShellConnector.start(System.getenv(), 80, 24);
    shell.process().destroyForcibly().waitFor();
  }
}
