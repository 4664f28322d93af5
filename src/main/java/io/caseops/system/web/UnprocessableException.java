package io.caseops.system.web;

import org.springframework.http.HttpStatus;

/**
 * A well-formed request that a business rule refuses (a plan's limit or allowance, a closed
 * window). Answered with 422 and a message that names the rule and its figure, e.g. "the silver
 * plan allows 3 h a quarter".
 */
public class UnprocessableException extends RuleException {

  public UnprocessableException(String field, String message) {
    super(field, message);
  }

  @Override
  HttpStatus status() {
    return HttpStatus.UNPROCESSABLE_ENTITY;
  }

  @Override
  String title() {
    return "Refused by a plan rule";
  }
}
