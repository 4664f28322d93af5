package io.caseops.system.web;

/** The caller is known but their role does not allow this. Answered with 403. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
