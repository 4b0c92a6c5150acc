package dev.ebayalerts.alerts.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Requests Tomcat refuses before they reach Spring (an encoded NUL in the path, a malformed request
 * line) get a ProblemDetail like every other error, instead of Tomcat's HTML page that names the
 * server and its version.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

  @Bean
  TomcatContextCustomizer problemDetailErrorPages() {
    return context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemValve.class.getName());
      }
    };
  }

  /** Writes {@code application/problem+json} where Tomcat would write its error page. */
  public static class ProblemValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      String body =
          "{\"type\":\"about:blank\",\"title\":\""
              + title
              + "\",\"status\":"
              + status
              + ",\"detail\":\"The request was refused before it reached the application"
              + " (for example a malformed URL or header).\"}";
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(body);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the connection is gone: nothing to tell anyone
      }
    }
  }
}
