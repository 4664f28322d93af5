package io.caseops.entitlement;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** A delegated administrator manages the account's named contacts and who sees which cases. */
@RestController
@RequestMapping("/api/account")
class AccountController {

  record VisibilityRequest(Boolean accountWide, Map<String, String> adminScopes) {}

  record AdminRequest(Boolean delegatedAdmin) {}

  private final ContactDirectory directory;

  AccountController(ContactDirectory directory) {
    this.directory = directory;
  }

  /** The plan's limits and their use, visibility, contacts and service hours. */
  @GetMapping
  ContactDirectory.AccountOverview overview(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) NamedContacts.Contact me) {
    return directory.overview(me);
  }

  @PutMapping("/contacts/{email}/admin")
  NamedContacts.Contact setAdmin(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) NamedContacts.Contact me,
      @PathVariable String email,
      @RequestBody AdminRequest request) {
    return directory.setAdmin(me, email, request.delegatedAdmin());
  }

  @GetMapping("/contacts")
  List<NamedContacts.Contact> contacts(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) NamedContacts.Contact me) {
    return directory.contactsOf(me);
  }

  @PostMapping("/contacts")
  ResponseEntity<ContactDirectory.Added> add(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) NamedContacts.Contact me,
      @RequestBody ContactDirectory.NewContact request) {
    ContactDirectory.Added added = directory.add(me, request);
    // Encoded, so that no address can break the answer after the contact was committed.
    return ResponseEntity.created(
            UriComponentsBuilder.fromPath("/api/account/contacts/{email}")
                .buildAndExpand(added.contact().email())
                .encode()
                .toUri())
        .body(added);
  }

  /** Another invitation mail for a contact who has not set a password yet. */
  @PostMapping("/contacts/{email}/invitation")
  ResponseEntity<ContactInvitations.Invitation> reinvite(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) NamedContacts.Contact me,
      @PathVariable String email) {
    return ResponseEntity.accepted().body(directory.reinvite(me, email));
  }

  @DeleteMapping("/contacts/{email}")
  ResponseEntity<Void> remove(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) NamedContacts.Contact me,
      @PathVariable String email) {
    directory.remove(me, email);
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/visibility")
  ResponseEntity<Void> visibility(
      @RequestAttribute(NamedContacts.REQUEST_ATTRIBUTE) NamedContacts.Contact me,
      @RequestBody VisibilityRequest request) {
    directory.setVisibility(me, request.accountWide(), request.adminScopes());
    return ResponseEntity.noContent().build();
  }
}
