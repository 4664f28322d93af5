package io.caseops.system.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before CaseOps sees them (a request line or headers above its limits, an
 * encoded slash or NUL in the path) get a problem body like every other refusal, instead of
 * Tomcat's HTML error page.
 */
@Component
class TomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            for (Valve valve : host.getPipeline().getValves()) {
              if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
              }
            }
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            host.getPipeline().addValve(new ProblemReportValve());
          }
        });
  }

  /** Tomcat's error report as {@code application/problem+json}, with no server details. */
  public static class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      AtomicBoolean ioAllowed = new AtomicBoolean();
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      String detail =
          status < 500
              ? "The request could not be read: its line, path or headers are malformed or too"
                  + " long."
              : "The request could not be processed.";
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(
              "{\"title\":\""
                  + title
                  + "\",\"status\":"
                  + status
                  + ",\"detail\":\""
                  + detail
                  + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException ignored) {
        // The client went away: nothing to tell it.
      }
    }
  }
}
