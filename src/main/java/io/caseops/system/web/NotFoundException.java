package io.caseops.system.web;

/**
 * The thing a request names does not exist, or the caller may not know that it does. Answered with
 * 404.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
