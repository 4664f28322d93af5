package io.caseops.notification;

import io.caseops.system.EngineInternals;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The mail addresses of staff, from Camunda's users. Read without the caller's authorizations: an
 * engineer completing a task may not read other users, yet the escalation manager must still be
 * told.
 */
@Component
class StaffAddresses {

  private final IdentityService identity;

  StaffAddresses(IdentityService identity) {
    this.identity = identity;
  }

  /**
   * The addresses of the given users and of every member of the given groups, each once; null ids
   * are skipped.
   */
  public List<String> of(List<String> users, List<String> groups) {
    return EngineInternals.withoutAuthorization(() -> lookUp(users, groups));
  }

  /** A staff member's first name, for the signature of a mail to a customer; empty when unknown. */
  public Optional<String> firstName(String userId) {
    return Optional.ofNullable(
            EngineInternals.withoutAuthorization(
                () -> identity.createUserQuery().userId(userId).singleResult()))
        .map(User::getFirstName);
  }

  private List<String> lookUp(List<String> users, List<String> groups) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String user : users) {
      if (user != null) {
        identity.createUserQuery().userId(user).list().stream()
            .map(User::getEmail)
            .filter(StaffAddresses::usable)
            .forEach(addresses::add);
      }
    }
    for (String group : groups) {
      if (group != null) {
        identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
            .map(User::getEmail)
            .filter(StaffAddresses::usable)
            .forEach(addresses::add);
      }
    }
    return List.copyOf(addresses);
  }

  private static boolean usable(String email) {
    return email != null && email.contains("@");
  }
}
