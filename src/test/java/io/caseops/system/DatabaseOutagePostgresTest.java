package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.caseops.testsupport.CaseOpsRun;
import io.caseops.testsupport.ContactClient;
import io.caseops.testsupport.FreePort;
import io.caseops.testsupport.PostgresTestDatabase;
import io.caseops.testsupport.TcpLink;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL goes away under load and comes back: every connection of CaseOps to it drops and new
 * ones are refused for a few seconds (a relay cut between them; the server itself, shared with the
 * other tests, keeps running). Meanwhile the API answers 503 with {@code Retry-After}, never 500;
 * afterwards CaseOps recovers by itself, and every submission that clients retried with its
 * Idempotency-Key is one case with its process and SLA timers, and every mail is sent.
 */
@ExtendWith(PostgresTestDatabase.class)
class DatabaseOutagePostgresTest {

  static final int CLIENTS = 3;
  static final Duration BEFORE = Duration.ofSeconds(3);
  static final Duration OUTAGE = Duration.ofSeconds(6);
  static final Duration AFTER = Duration.ofSeconds(6);

  static final String SUBMISSION =
      """
      {"product": "automation-360", "region": "EMEA", "subject": "Runner offline",
       "description": "Runner 7 is offline.", "answers": {"productionAffected": true,
       "productUsable": true, "workaroundAvailable": false, "usersAffected": "several",
       "businessImpact": "critical", "requestType": "incident"}}""";

  /** What the clients saw. */
  final Map<Integer, Integer> statuses = Collections.synchronizedMap(new HashMap<>());

  final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  final Map<String, String> caseByKey = Collections.synchronizedMap(new HashMap<>());

  @Test
  void theApiAnswers503DuringAnOutageAndNothingIsLostOrMadeTwice() throws Exception {
    Matcher server =
        Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.+)")
            .matcher(PostgresTestDatabase.fresh());
    assertThat(server.matches()).isTrue();
    int smtpPort = FreePort.find();
    GreenMail smtp =
        new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (TcpLink link = new TcpLink(server.group(1), Integer.parseInt(server.group(2)));
        ConfigurableApplicationContext caseops =
            CaseOpsRun.withProfiles("postgres", "demo")
                .property(
                    "spring.datasource.url",
                    "jdbc:postgresql://127.0.0.1:" + link.port() + "/" + server.group(3))
                .property("spring.datasource.username", PostgresTestDatabase.user())
                .property("spring.datasource.password", PostgresTestDatabase.password())
                .property("camunda.bpm.job-execution.enabled", "true")
                .property("spring.mail.port", smtpPort)
                // Short waits, so that the test sees the outage and its end within seconds: a
                // connection is awaited 2 s, a job that died with the connection is taken up
                // again after 15 s, a mail retried after 2 s.
                .property("spring.datasource.hikari.connection-timeout", "2000")
                .property("camunda.bpm.job-execution.lock-time-in-millis", "15000")
                .property("caseops.mail.retry-cycle", "PT2S,PT2S,PT5S,PT10S,PT10S")
                .start()) {
      int port = Integer.parseInt(caseops.getEnvironment().getProperty("local.server.port", "0"));
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        work.add(clients.submit(() -> submitUntilStopped(port, running)));
      }
      Thread.sleep(BEFORE.toMillis());
      link.cut();
      Thread.sleep(OUTAGE.toMillis());
      int unavailableDuringOutage = statuses.getOrDefault(503, 0);
      link.mend();
      Thread.sleep(AFTER.toMillis());
      running.set(false);
      for (Future<?> client : work) {
        client.get(120, TimeUnit.SECONDS);
      }
      clients.shutdown();

      JdbcTemplate jdbc = caseops.getBean(JdbcTemplate.class);
      awaitMailsSent(jdbc);
      List<String> cases =
          jdbc.queryForList(
              "select case_number from support_case where subject = 'Runner offline'",
              String.class);
      int mailsSent = jdbc.queryForObject("select count(*) from mail_outbox", Integer.class);
      Map<String, Integer> copies = new HashMap<>();
      for (MimeMessage message : smtp.getReceivedMessages()) {
        copies.merge(message.getMessageID(), 1, Integer::sum);
      }
      // GreenMail keeps one copy per recipient (To and CC): a mail to two people is two copies.
      int recipients =
          jdbc
              .queryForList(
                  "select recipients || ',' || coalesce(cc, '') from mail_outbox", String.class)
              .stream()
              .mapToInt(
                  addresses ->
                      (int)
                          Pattern.compile(",")
                              .splitAsStream(addresses)
                              .filter(a -> !a.isBlank())
                              .count())
              .sum();
      int duplicateCopies = copies.values().stream().mapToInt(Integer::intValue).sum() - recipients;
      System.out.printf(
          "Database outage of %d s under %d clients: statuses %s; %d submissions, %d cases; %d"
              + " mails in the outbox, %d sent, %d copies more than recipients (sent again after a failed"
              + " commit, same Message-ID)%n",
          OUTAGE.toSeconds(),
          CLIENTS,
          statuses,
          caseByKey.size(),
          cases.size(),
          mailsSent,
          copies.size(),
          duplicateCopies);

      assertThat(failures).as("answers other than 201 and 503 with Retry-After").isEmpty();
      assertThat(unavailableDuringOutage).as("the outage was seen: 503s").isPositive();
      assertThat(statuses.getOrDefault(500, 0)).isZero();
      // Each submission (one Idempotency-Key, retried until 201) is exactly one case.
      assertThat(new HashSet<>(cases)).hasSize(cases.size());
      assertThat(new HashSet<>(cases)).isEqualTo(new HashSet<>(caseByKey.values()));
      assertThat(caseByKey.size()).as("submissions after the outage too").isGreaterThan(CLIENTS);
      for (String number : cases) {
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from act_hi_procinst where business_key_ = ? and"
                        + " proc_def_key_ = 'SupportCase'",
                    Integer.class,
                    number))
            .as("the process of %s", number)
            .isEqualTo(1);
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from act_ru_job j join act_ru_execution e on"
                        + " j.process_instance_id_ = e.id_ where e.business_key_ = ? and"
                        + " j.type_ = 'timer'",
                    Integer.class,
                    number))
            .as("the SLA timers of %s", number)
            .isPositive();
      }
      // Every mail reached the SMTP server; a send again after a failed commit keeps the
      // Message-ID, so that mail systems recognise the copy (MailSending).
      assertThat(copies.keySet()).hasSize(mailsSent);
      assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Integer.class))
          .isZero();
    } finally {
      smtp.stop();
    }
  }

  /** Submits cases one after another; each is retried with its key until it is answered 201. */
  private void submitUntilStopped(int port, AtomicBoolean running) {
    ContactClient ivy = ContactClient.demo(port, "ivy.patel@initech.example");
    while (running.get()) {
      String key = UUID.randomUUID().toString();
      while (true) {
        ContactClient.Response answer;
        try {
          answer = ivy.post("/api/cases", SUBMISSION, key);
        } catch (RuntimeException e) {
          failures.add("no answer: " + e);
          return;
        }
        statuses.merge(answer.status(), 1, Integer::sum);
        if (answer.status() == 201) {
          caseByKey.put(key, answer.json().get("caseNumber").asText());
          break;
        }
        if (answer.status() != 503 || answer.header("Retry-After") == null) {
          failures.add(answer.status() + " " + answer.body());
          return;
        }
        sleep(200);
      }
    }
  }

  private static void awaitMailsSent(JdbcTemplate jdbc) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Integer unsent =
          jdbc.queryForObject(
              "select count(*) from mail_outbox where sent_at is null", Integer.class);
      if (unsent == 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("mails still unsent after 2 minutes");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
