package io.caseops.portal;

import io.caseops.entitlement.ContactInvitations;
import io.caseops.entitlement.NamedContacts.Contact;
import io.caseops.system.web.BadRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of an invitation's link, for anyone holding it (no sign-in): a new named contact chooses
 * their password, then signs in with it. Opening the page changes nothing (a mail scanner that
 * follows links uses nothing up); only the posted password uses the link.
 */
@Controller
@RequestMapping(PortalSecurity.INVITATION)
class InvitationController {

  private final ContactInvitations invitations;
  private final PortalRules rules;

  InvitationController(ContactInvitations invitations, PortalRules rules) {
    this.invitations = invitations;
    this.rules = rules;
  }

  @GetMapping("/{token}")
  String page(@PathVariable String token, HttpServletResponse response, Model model) {
    return page(token, invitations.contactOf(token), Map.of(), response, model);
  }

  @PostMapping("/{token}")
  String accept(
      @PathVariable String token,
      @RequestParam(defaultValue = "") String newPassword,
      @RequestParam(defaultValue = "") String newPasswordAgain,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Optional<Contact> invited = invitations.contactOf(token);
    try {
      if (invited.isPresent() && !newPassword.equals(newPasswordAgain)) {
        throw BadRequestException.of("newPasswordAgain", "must repeat the new password");
      }
      Contact contact = invitations.accept(token, newPassword);
      redirect.addFlashAttribute("email", contact.email());
      redirect.addFlashAttribute("welcome", Boolean.TRUE);
      return "redirect:" + PortalSecurity.SIGN_IN;
    } catch (ContactInvitations.NoSuchInvitationException used) {
      return page(token, Optional.empty(), Map.of(), response, model);
    } catch (BadRequestException refused) {
      response.setStatus(400);
      Map<String, String> errors = new LinkedHashMap<>();
      refused
          .problems()
          .forEach(
              problem ->
                  errors.putIfAbsent(
                      "password".equals(problem.field()) ? "newPassword" : problem.field(),
                      rules.say(problem.rule(), LocaleContextHolder.getLocale())));
      return page(token, invited, errors, response, model);
    }
  }

  /** The form while the link works; else 410 and what to do. */
  private static String page(
      String token,
      Optional<Contact> invited,
      Map<String, String> errors,
      HttpServletResponse response,
      Model model) {
    if (invited.isEmpty()) {
      response.setStatus(410);
    }
    model.addAttribute("token", token);
    model.addAttribute("invited", invited.orElse(null));
    model.addAttribute("errors", errors);
    return "portal/invitation";
  }
}
