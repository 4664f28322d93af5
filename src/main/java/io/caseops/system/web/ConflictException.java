package io.caseops.system.web;

import org.springframework.http.HttpStatus;

/**
 * The request clashes with the state of what it names (e.g. a reopen after the window). Answered
 * with 409.
 */
public class ConflictException extends RuleException {

  public ConflictException(String field, String message) {
    super(field, message);
  }

  @Override
  HttpStatus status() {
    return HttpStatus.CONFLICT;
  }

  @Override
  String title() {
    return "Conflict";
  }
}
