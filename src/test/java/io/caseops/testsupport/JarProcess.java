package io.caseops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run as {@code java -jar} in a process of its own, for the failsafe tests: its
 * log in a file, healthy when actuator says UP, stopped gently or killed with SIGKILL.
 */
public final class JarProcess implements AutoCloseable {

  private final Path log;
  private final Process process;
  private final int port;

  private JarProcess(Path log, Process process, int port) {
    this.log = log;
    this.process = process;
    this.port = port;
  }

  /**
   * The jar (failsafe's {@code caseops.jar}) with these arguments on a free port; its output goes
   * to the end of {@code logFile}.
   */
  public static JarProcess start(Path logFile, String... arguments) throws IOException {
    int port = FreePort.find();
    Path jar = Path.of(System.getProperty("caseops.jar", "target/caseops.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException("no packaged jar at " + jar + ": run `./mvnw verify`");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The quick JIT compiler only: half the CPU of a start, and these tests time
                // nothing.
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString()));
    command.addAll(List.of(arguments));
    command.add("--server.port=" + port);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    return new JarProcess(logFile, process, port);
  }

  public int port() {
    return port;
  }

  /** Waits until actuator's health says UP; fails with the log's tail if the jar exits first. */
  public JarProcess awaitHealthy(Duration within) throws InterruptedException {
    StaffClient client = new StaffClient(port());
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("the jar exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        if (client.get("/actuator/health").body().contains("\"status\":\"UP\"")) {
          return this;
        }
      } catch (UncheckedIOException notYetListening) {
        // keep waiting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the jar was not healthy within " + within + ":\n" + tail());
  }

  /** Waits until the log holds {@code line}. */
  public void awaitLog(String line, Duration within) throws Exception {
    Instant deadline = Instant.now().plus(within);
    while (!Files.readString(log).contains(line)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no '" + line + "' in the log within " + within + ":\n" + tail());
      }
      Thread.sleep(500);
    }
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  /** SIGKILL: no shutdown hook, no flush, as a power cut or the OOM killer leaves it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
