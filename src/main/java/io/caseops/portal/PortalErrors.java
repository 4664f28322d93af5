package io.caseops.portal;

import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.ForbiddenException;
import io.caseops.system.web.NotFoundException;
import io.caseops.system.web.RuleException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every portal page shares: its language for {@code <html lang>}, and the pages for a case the
 * contact may not see (404, as in the API), a bad filter (400), and a contact removed by their
 * administrator while signed in (signed out).
 */
// Before the API's advice (ApiErrors, JSON problems): the portal's controllers answer with pages.
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(basePackageClasses = PortalErrors.class)
class PortalErrors {

  /** A contact removed by their administrator while signed in. */
  static class ContactGone extends RuntimeException {}

  /** The page's language: "en" or "fr". */
  @ModelAttribute("lang")
  String language(Locale locale) {
    return PortalWeb.language(locale);
  }

  @ExceptionHandler(ContactGone.class)
  String gone(HttpServletRequest request) {
    SecurityContextHolder.clearContext();
    request.getSession().invalidate();
    return "redirect:" + PortalSecurity.SIGN_IN + "?out";
  }

  // An exception handler's model has none of the @ModelAttribute values: the language is set here.
  @ExceptionHandler(NotFoundException.class)
  String notFound(HttpServletResponse response, Model model, Locale locale) {
    return problem(response, 404, "notFound", null, model, locale);
  }

  /**
   * A page that is not this contact's to see: the account pages for anyone but its administrators.
   */
  @ExceptionHandler(ForbiddenException.class)
  String forbidden(HttpServletResponse response, Model model, Locale locale) {
    return problem(response, 403, "forbidden", null, model, locale);
  }

  @ExceptionHandler(BadRequestException.class)
  String badRequest(
      BadRequestException e, HttpServletResponse response, Model model, Locale locale) {
    return problem(response, 400, "badRequest", message(e), model, locale);
  }

  private String problem(
      HttpServletResponse response,
      int status,
      String kind,
      String problem,
      Model model,
      Locale locale) {
    response.setStatus(status);
    model.addAttribute("lang", language(locale));
    model.addAttribute("kind", kind);
    model.addAttribute("problem", problem);
    return "portal/problem";
  }

  /** A refusal as one line: "field rule; field rule", or a rule's own message. */
  static String message(RuntimeException refused) {
    if (refused instanceof BadRequestException bad) {
      return bad.problems().stream()
          .map(problem -> problem.field() + " " + problem.rule())
          .collect(Collectors.joining("; "));
    }
    return refused instanceof RuleException || refused instanceof ForbiddenException
        ? refused.getMessage()
        : "";
  }
}
