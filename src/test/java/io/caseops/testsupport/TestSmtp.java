package io.caseops.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The SMTP server of the whole-application tests: one GreenMail per test JVM, on a free port that
 * application-test.yaml reads ({@code caseops.test.smtp-port}, a system property set before the
 * first context starts), so that every class shares one Spring context. Each test starts with empty
 * mailboxes and a running server; a test that takes the server down ({@link #stop}) brings it back
 * with {@link #start}.
 */
public final class TestSmtp implements BeforeAllCallback, BeforeEachCallback {

  public static final int PORT = FreePort.find();

  /** The demo mail sink's SMTP port in the shared service (MailSinkTest sends to it directly). */
  public static final int SINK_PORT = FreePort.find();

  static {
    System.setProperty("caseops.test.smtp-port", Integer.toString(PORT));
    System.setProperty("caseops.test.sink-port", Integer.toString(SINK_PORT));
  }

  private static GreenMail server;

  /** The server, started if it is not running. */
  public static synchronized GreenMail server() {
    if (server == null) {
      start();
    }
    return server;
  }

  /** Takes the server down: mails fail to send until {@link #start}. */
  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Brings the server (back) up, with empty mailboxes. */
  public static synchronized void start() {
    stop();
    server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server().purgeEmailFromAllMailboxes();
  }
}
