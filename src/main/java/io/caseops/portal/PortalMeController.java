package io.caseops.portal;

import io.caseops.entitlement.ContactDirectory;
import io.caseops.entitlement.NamedContacts;
import io.caseops.entitlement.NamedContacts.Contact;
import io.caseops.system.web.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Me": the contact's name, portal language and time zone, and their password, by the contact API's
 * rules ({@link ContactDirectory}). A contact on an initial password lands on the password change
 * and stays there until it is done (PortalWeb.PasswordFirst).
 */
@Controller
@RequestMapping(PortalSecurity.PATH + "/me")
class PortalMeController {

  /** Every IANA zone, sorted: what a contact may choose. */
  static final List<String> ZONES =
      ZoneId.getAvailableZoneIds().stream()
          .filter(id -> id.contains("/") || id.equals("UTC"))
          .sorted()
          .toList();

  private final ContactDirectory directory;
  private final NamedContacts contacts;
  private final PortalRules rules;
  private final LocaleResolver locales;

  PortalMeController(
      ContactDirectory directory,
      NamedContacts contacts,
      PortalRules rules,
      LocaleResolver locales) {
    this.directory = directory;
    this.contacts = contacts;
    this.rules = rules;
    this.locales = locales;
  }

  @GetMapping
  String me(@AuthenticationPrincipal PortalSecurity.SignedIn me, Model model) {
    Contact contact = contact(me);
    return page(
        contact,
        contact.displayName(),
        contact.zone().getId(),
        contact.language() == null ? "" : contact.language(),
        Map.of(),
        false,
        model);
  }

  @PostMapping
  String save(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String timeZone,
      @RequestParam(defaultValue = "") String language,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Contact contact = contact(me);
    try {
      Contact saved =
          directory.updateProfile(
              contact, displayName, timeZone, language.isBlank() ? null : language);
      // The pages follow the choice from the next one on; "the browser's" leaves the cookie's.
      if (saved.language() != null) {
        locales.setLocale(request, response, Locale.forLanguageTag(saved.language()));
      }
    } catch (BadRequestException refused) {
      response.setStatus(400);
      return page(contact, displayName, timeZone, language, errors(refused), false, model);
    }
    redirect.addFlashAttribute("notice", "portal.me.saved");
    return "redirect:" + PortalSecurity.PATH + "/me";
  }

  @GetMapping("/password")
  String passwordPage(
      @AuthenticationPrincipal PortalSecurity.SignedIn me, HttpSession session, Model model) {
    Contact contact = contact(me);
    return page(contact, null, null, null, Map.of(), forced(session), model);
  }

  @PostMapping("/password")
  String changePassword(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String newPassword,
      @RequestParam(defaultValue = "") String newPasswordAgain,
      HttpSession session,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Contact contact = contact(me);
    try {
      if (!newPassword.equals(newPasswordAgain)) {
        throw BadRequestException.of("newPasswordAgain", "must repeat the new password");
      }
      directory.changePassword(contact, currentPassword, newPassword);
    } catch (BadRequestException refused) {
      response.setStatus(400);
      return page(contact, null, null, null, errors(refused), forced(session), model);
    }
    boolean wasForced = forced(session);
    session.removeAttribute(PortalSecurity.PASSWORD_CHANGE_REQUIRED);
    // This session goes on with the new password; every other one of the contact ends.
    session.setAttribute(
        PortalSecurity.PASSWORD_STAMP, contacts.passwordStamp(contact.email()).orElse(""));
    redirect.addFlashAttribute("notice", "portal.me.passwordChanged");
    return "redirect:" + PortalSecurity.PATH + (wasForced ? "/cases" : "/me");
  }

  /**
   * The page; the profile form shows {@code displayName}, {@code timeZone}, {@code language} as
   * typed, or the contact's when they are null (the password form was posted).
   */
  private String page(
      Contact contact,
      String displayName,
      String timeZone,
      String language,
      Map<String, String> errors,
      boolean forced,
      Model model) {
    model.addAttribute("contact", contact);
    model.addAttribute("zone", contact.zone().getId());
    model.addAttribute("displayName", displayName != null ? displayName : contact.displayName());
    model.addAttribute("timeZone", timeZone != null ? timeZone : contact.zone().getId());
    model.addAttribute(
        "language",
        language != null ? language : contact.language() == null ? "" : contact.language());
    model.addAttribute("zones", ZONES);
    Locale page = LocaleContextHolder.getLocale();
    Map<String, String> languages = new LinkedHashMap<>();
    ContactDirectory.LANGUAGES.forEach(
        code ->
            languages.put(
                code, Locale.forLanguageTag(code).getDisplayLanguage(Locale.forLanguageTag(code))));
    model.addAttribute("languages", languages);
    Map<String, String> said = new LinkedHashMap<>();
    errors.forEach((field, rule) -> said.put(field, rules.say(rule, page)));
    model.addAttribute("errors", said);
    model.addAttribute("forced", forced);
    return "portal/me";
  }

  private static Map<String, String> errors(BadRequestException refused) {
    Map<String, String> errors = new LinkedHashMap<>();
    refused.problems().forEach(problem -> errors.putIfAbsent(problem.field(), problem.rule()));
    return errors;
  }

  private static boolean forced(HttpSession session) {
    return session.getAttribute(PortalSecurity.PASSWORD_CHANGE_REQUIRED) != null;
  }

  private Contact contact(PortalSecurity.SignedIn me) {
    return contacts.find(me.email()).orElseThrow(PortalErrors.ContactGone::new);
  }
}
