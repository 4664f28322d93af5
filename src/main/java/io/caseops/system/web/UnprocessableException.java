package io.caseops.system.web;

/**
 * A well-formed request that a business rule refuses (a plan's limit or allowance, a closed window). Answered with
 * 422 and a message that names the rule and its figure, e.g. "the silver plan allows 3 h a quarter".
 */
public class UnprocessableException extends RuntimeException {

  private final String field;

  public UnprocessableException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
