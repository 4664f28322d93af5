package io.caseops.system;

import io.caseops.system.LoginThrottle.Surface;
import io.caseops.system.StaffApiAuthentication.StaffUser;
import io.caseops.system.web.ForbiddenException;
import io.caseops.system.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
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
  ResponseEntity<Void> unlockContact(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff, @PathVariable String email) {
    if (!staff.inAny(StaffGroups.MANAGERS.toArray(String[]::new))) {
      throw new ForbiddenException(
          "Only support, escalation and technical account managers unlock contacts");
    }
    return unlocked(throttle.unlock(Surface.CONTACT, email), email);
  }

  @DeleteMapping("/staff/{user}")
  ResponseEntity<Void> unlockStaff(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff, @PathVariable String user) {
    if (!staff.inAny()) {
      throw new ForbiddenException("Only administrators unlock staff logins");
    }
    return unlocked(throttle.unlock(Surface.STAFF, user), user);
  }

  private static ResponseEntity<Void> unlocked(boolean wasCounted, String login) {
    if (!wasCounted) {
      throw new NotFoundException("no failed logins of " + login + " are counted on this node");
    }
    return ResponseEntity.noContent().build();
  }
}
