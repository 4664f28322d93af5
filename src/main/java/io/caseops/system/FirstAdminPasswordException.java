package io.caseops.system;

/**
 * Start-up refused: the first administrator cannot be created (outside the demo profile nobody gets
 * a default password).
 */
public class FirstAdminPasswordException extends RuntimeException {

  public FirstAdminPasswordException(String adminId, String problem) {
    super("Cannot create the first administrator '" + adminId + "': " + problem);
  }
}
