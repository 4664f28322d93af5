package io.caseops.system.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns bad input on CaseOps' own API ({@code /api}) into RFC 9457 problem details that name each
 * field and its rule, and any unexpected failure into a 500 without internals. Expected errors are
 * not logged with stack traces.
 */
@RestControllerAdvice(basePackages = "io.caseops")
// Before Spring's own problem-details handler, which answers what no CaseOps controller sees (405,
// unknown paths).
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException e) {
    return problem(e.problems());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    detail.setTitle("Not found");
    return detail;
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    detail.setTitle("Forbidden");
    return detail;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestGuards.BodyTooLargeException tooLarge) {
        ProblemDetail detail =
            ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
        detail.setTitle("Payload too large");
        detail.setProperty(
            "errors", List.of(new BadRequestException.Problem("body", tooLarge.getMessage())));
        return detail;
      }
    }
    String field =
        e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
            ? mapping.getPath().stream()
                .map(
                    ref ->
                        ref.getFieldName() == null
                            ? "[" + ref.getIndex() + "]"
                            : ref.getFieldName())
                .reduce((a, b) -> a + "." + b)
                .orElse("body")
            : "body";
    String rule;
    if ("body".equals(field)) {
      rule = e.getCause() == null ? "is required (a JSON object)" : "must be well-formed JSON";
    } else if (e.getCause() instanceof UnrecognizedPropertyException) {
      rule = "is not a field of this request";
    } else if (e.getCause() instanceof InvalidFormatException format
        && format.getValue() instanceof String text
        && NulCharacters.has(text)) {
      rule = NulCharacters.RULE;
    } else if (e.getCause() instanceof InvalidFormatException format) {
      rule =
          "must be "
              + (format.getTargetType() == null
                  ? "a valid value"
                  : describe(format.getTargetType()))
              + ", got '"
              + format.getValue()
              + "'";
    } else if (e.getCause() instanceof MismatchedInputException mismatch
        && mismatch.getTargetType() != null) {
      rule = "must be " + describe(mismatch.getTargetType());
    } else {
      rule = "has a value of the wrong type or format";
    }
    return problem(List.of(new BadRequestException.Problem(field, rule)));
  }

  private static String describe(Class<?> type) {
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a JSON array";
    }
    if (type == String.class) {
      return "a string";
    }
    return "a JSON object";
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Content-Type must be application/json, got " + e.getContentType());
    detail.setTitle("Unsupported media type");
    detail.setProperty(
        "errors",
        List.of(
            new BadRequestException.Problem(
                "Content-Type", "must be application/json, got " + e.getContentType())));
    return detail;
  }

  @ExceptionHandler(RuleException.class)
  ProblemDetail refusedByRule(RuleException e) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    detail.setTitle(e.title());
    detail.setProperty(
        "errors", List.of(new BadRequestException.Problem(e.field(), e.getMessage())));
    return detail;
  }

  /**
   * Two changes met on one case (a second click, a timer firing at that instant) and this one lost:
   * nothing of it was written, and the client should look again before retrying.
   */
  @ExceptionHandler({
    OptimisticLockingException.class,
    MismatchingMessageCorrelationException.class,
    PessimisticLockingFailureException.class
  })
  ProblemDetail changedMeanwhile(RuntimeException e) {
    LOG.info("Request lost a race on a case and was rolled back: {}", e.getMessage());
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "The case changed while your request was handled, and nothing of your request was saved: reload the case "
                + "and try again.");
    detail.setTitle("Conflict");
    return detail;
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return problem(List.of(new BadRequestException.Problem(e.getParameterName(), "is required")));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected =
        e.getRequiredType() == null ? "a valid value" : e.getRequiredType().getSimpleName();
    return problem(
        List.of(
            new BadRequestException.Problem(
                e.getName(), "must be " + expected + ", got '" + e.getValue() + "'")));
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
    if (DatabaseOutage.causedBy(e)) {
      LOG.warn("The database could not be reached; answered 503: {}", e.toString());
      ProblemDetail detail =
          ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseOutage.DETAIL);
      detail.setTitle("Service unavailable");
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
          .body(detail);
    }
    LOG.error("Unexpected error on the API", e);
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "CaseOps could not answer this request. The error is logged; please try again or contact support.");
    detail.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(detail);
  }

  static ProblemDetail problem(List<BadRequestException.Problem> problems) {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            problems.stream()
                .map(problem -> problem.field() + " " + problem.rule())
                .reduce((a, b) -> a + "; " + b)
                .orElse("bad request"));
    detail.setTitle("Bad request");
    detail.setProperty("errors", problems);
    return detail;
  }
}
