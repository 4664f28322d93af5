package io.caseops.system.web;

import org.springframework.http.HttpStatus;

/**
 * A well-formed request refused by a rule about the state of things, answered with its status, the
 * message and the field it concerns: see {@link UnprocessableException} (422) and {@link
 * ConflictException} (409).
 */
public abstract class RuleException extends RuntimeException {

  private final String field;

  protected RuleException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  abstract HttpStatus status();

  abstract String title();
}
