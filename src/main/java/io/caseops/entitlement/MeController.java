package io.caseops.entitlement;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The logged-in contact: who they are, and their own password. */
@RestController
@RequestMapping("/api/me")
class MeController {

  record PasswordChange(String currentPassword, String newPassword) {}

  record Profile(String displayName, String timeZone, String language) {}

  private final ContactDirectory directory;

  MeController(ContactDirectory directory) {
    this.directory = directory;
  }

  @GetMapping
  NamedContacts.Contact me(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) NamedContacts.Contact me) {
    return me;
  }

  /** The contact's own name, time zone and portal language; answers the contact as it is now. */
  @PutMapping
  NamedContacts.Contact updateProfile(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) NamedContacts.Contact me,
      @RequestBody Profile profile) {
    return directory.updateProfile(
        me, profile.displayName(), profile.timeZone(), profile.language());
  }

  @PutMapping("/password")
  ResponseEntity<Void> changePassword(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) NamedContacts.Contact me,
      @RequestBody PasswordChange change) {
    directory.changePassword(me, change.currentPassword(), change.newPassword());
    return ResponseEntity.noContent().build();
  }
}
