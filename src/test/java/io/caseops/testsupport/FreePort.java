package io.caseops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

public final class FreePort {

  private FreePort() {}

  /**
   * A TCP port nothing listens on right now, for servers a test starts itself (SMTP sink, a second
   * CaseOps).
   */
  public static int find() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
