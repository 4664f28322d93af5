package io.caseops.portal;

import io.caseops.entitlement.ContactDirectory;
import io.caseops.entitlement.ContactInvitations;
import io.caseops.entitlement.NamedContacts;
import io.caseops.entitlement.NamedContacts.Contact;
import io.caseops.system.EngineInternals;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.RuleException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account page, for delegated administrators (403 for anyone else): named contacts with the
 * plan's limits shown and enforced, each new one invited by mail (and again while they have not
 * chosen a password), administrators granted and revoked, visibility where the plan offers it,
 * service hours used and left. Every rule is {@link ContactDirectory}'s, as in the contact API's
 * /api/account.
 */
@Controller("portalAccountController")
@RequestMapping(PortalSecurity.PATH + "/account")
class AccountController {

  /** The add form as typed. */
  record NewContactForm(
      String email,
      String displayName,
      String timeZone,
      String delegatedAdmin,
      List<String> products) {

    static NewContactForm empty(Contact admin) {
      return new NewContactForm("", "", admin.zone().getId(), "", List.of());
    }
  }

  private final ContactDirectory directory;
  private final NamedContacts contacts;
  private final PortalRules rules;

  AccountController(ContactDirectory directory, NamedContacts contacts, PortalRules rules) {
    this.directory = directory;
    this.contacts = contacts;
    this.rules = rules;
  }

  @GetMapping
  String account(@AuthenticationPrincipal PortalSecurity.SignedIn me, Model model) {
    Contact admin = contact(me);
    return page(admin, NewContactForm.empty(admin), Map.of(), model);
  }

  @PostMapping("/contacts")
  String add(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      NewContactForm form,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Contact admin = contact(me);
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      ContactDirectory.Added added =
          directory.add(
              admin,
              new ContactDirectory.NewContact(
                  form.email(),
                  form.displayName(),
                  form.timeZone() == null || form.timeZone().isBlank() ? null : form.timeZone(),
                  "true".equals(form.delegatedAdmin()),
                  form.products() == null ? List.of() : form.products()));
      redirect.addFlashAttribute("added", added);
      return "redirect:" + PortalSecurity.PATH + "/account";
    } catch (BadRequestException bad) {
      response.setStatus(400);
      bad.problems().forEach(problem -> errors.putIfAbsent(problem.field(), problem.rule()));
    } catch (RuleException refused) {
      response.setStatus(422);
      errors.put(refused.field(), refused.getMessage());
    }
    return page(admin, form, errors, model);
  }

  @PostMapping("/contacts/{email}/remove")
  String remove(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @PathVariable String email,
      RedirectAttributes redirect) {
    Contact admin = contact(me);
    return act(redirect, "portal.account.removed", email, () -> directory.remove(admin, email));
  }

  @PostMapping("/contacts/{email}/invitation")
  String reinvite(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @PathVariable String email,
      RedirectAttributes redirect) {
    Contact admin = contact(me);
    return act(redirect, "portal.account.reinvited", email, () -> directory.reinvite(admin, email));
  }

  @PostMapping("/contacts/{email}/admin")
  String admin(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @PathVariable String email,
      @RequestParam boolean delegatedAdmin,
      RedirectAttributes redirect) {
    Contact admin = contact(me);
    return act(
        redirect,
        delegatedAdmin ? "portal.account.granted" : "portal.account.revoked",
        email,
        () -> directory.setAdmin(admin, email, delegatedAdmin));
  }

  /** Account-wide visibility (a checkbox) and each administrator's scope ("scope.<e-mail>"). */
  @PostMapping("/visibility")
  String visibility(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @RequestParam Map<String, String> posted,
      RedirectAttributes redirect) {
    Contact admin = contact(me);
    ContactDirectory.AccountOverview account = directory.overview(admin);
    Boolean accountWide =
        account.accountWideVisibilityOffered() ? "true".equals(posted.get("accountWide")) : null;
    Map<String, String> scopes = new LinkedHashMap<>();
    if (account.adminScopesOffered()) {
      posted.forEach(
          (name, value) -> {
            if (name.startsWith("scope.")) {
              scopes.put(name.substring("scope.".length()), value);
            }
          });
    }
    return act(
        redirect,
        "portal.account.visibilitySaved",
        null,
        () -> directory.setVisibility(admin, accountWide, scopes));
  }

  private String act(RedirectAttributes redirect, String notice, String email, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
      redirect.addFlashAttribute("noticeEmail", email);
    } catch (BadRequestException | RuleException refused) {
      redirect.addFlashAttribute(
          "actionError", rules.say(PortalErrors.message(refused), LocaleContextHolder.getLocale()));
    }
    return "redirect:" + PortalSecurity.PATH + "/account";
  }

  private String page(Contact admin, NewContactForm form, Map<String, String> errors, Model model) {
    ContactDirectory.AccountOverview account = directory.overview(admin);
    Locale locale = LocaleContextHolder.getLocale();
    Map<String, String> said = new LinkedHashMap<>();
    errors.forEach((field, rule) -> said.put(field, rules.say(rule, locale)));
    model.addAttribute("contact", admin);
    model.addAttribute("zone", admin.zone().getId());
    model.addAttribute("account", account);
    Map<String, ContactInvitations.Invitation> invitations = new LinkedHashMap<>();
    account.invitations().forEach(invitation -> invitations.put(invitation.email(), invitation));
    model.addAttribute("invitations", invitations);
    model.addAttribute("now", EngineInternals.now());
    model.addAttribute("form", form);
    model.addAttribute("errors", said);
    model.addAttribute("zones", PortalMeController.ZONES);
    return "portal/account";
  }

  private Contact contact(PortalSecurity.SignedIn me) {
    return contacts.find(me.email()).orElseThrow(PortalErrors.ContactGone::new);
  }
}
