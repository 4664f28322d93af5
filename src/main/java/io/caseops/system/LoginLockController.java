package io.caseops.system;

import io.caseops.system.LoginThrottle.Surface;
import io.caseops.system.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a locked-out login try again at once: a contact (support managers and the account teams, who
 * talk to customers), or a member of staff (administrators). Counts are per node, so on several
 * nodes call each one, or wait for the lock to pass (docs/operations.md).
 */
@RestController
@RequestMapping(StaffApiAuthentication.PATH + "/login-locks")
class LoginLockController {

  private final LoginThrottle throttle;

  LoginLockController(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @DeleteMapping("/contacts/{email}")
  @StaffAccess(value = StaffAudience.MANAGERS, refusal = "Only managers unlock contacts.")
  ResponseEntity<Void> unlockContact(@PathVariable String email) {
    return unlocked(throttle.unlock(Surface.CONTACT, email), email);
  }

  @DeleteMapping("/staff/{user}")
  @StaffAccess(
      value = StaffAudience.ADMINISTRATORS,
      refusal = "Only administrators unlock staff logins.")
  ResponseEntity<Void> unlockStaff(@PathVariable String user) {
    return unlocked(throttle.unlock(Surface.STAFF, user), user);
  }

  private static ResponseEntity<Void> unlocked(boolean wasCounted, String login) {
    if (!wasCounted) {
      throw new NotFoundException("no failed logins of " + login + " are counted on this node");
    }
    return ResponseEntity.noContent().build();
  }
}
