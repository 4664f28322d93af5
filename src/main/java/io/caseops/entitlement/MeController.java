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

  private final ContactDirectory directory;

  MeController(ContactDirectory directory) {
    this.directory = directory;
  }

  @GetMapping
  NamedContacts.Contact me(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) NamedContacts.Contact me) {
    return me;
  }

  @PutMapping("/password")
  ResponseEntity<Void> changePassword(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) NamedContacts.Contact me,
      @RequestBody PasswordChange change) {
    directory.changePassword(me, change.currentPassword(), change.newPassword());
    return ResponseEntity.noContent().build();
  }
}
