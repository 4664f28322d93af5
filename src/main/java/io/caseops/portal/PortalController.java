package io.caseops.portal;

import io.caseops.cases.CaseStatus;
import io.caseops.cases.ContactCases;
import io.caseops.entitlement.NamedContacts;
import io.caseops.entitlement.NamedContacts.Contact;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.ForbiddenException;
import io.caseops.system.web.RuleException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer portal's pages (docs/portal.md): sign-in, the contact's cases, a case with its
 * public conversation, and the contact's actions on it. Every rule is the contact API's ({@link
 * ContactCases}); this class only renders. A case the contact may not see answers 404, as in the
 * API.
 */
@Controller
@RequestMapping(PortalSecurity.PATH)
class PortalController {

  private static final int PAGE_SIZE = 20;

  private static final List<String> STATUSES =
      Arrays.stream(CaseStatus.values()).map(CaseStatus::label).toList();

  private final ContactCases cases;
  private final NamedContacts contacts;

  PortalController(ContactCases cases, NamedContacts contacts) {
    this.cases = cases;
    this.contacts = contacts;
  }

  @GetMapping
  String home() {
    return "redirect:" + PortalSecurity.PATH + "/cases";
  }

  /** The sign-in page; a failed sign-in is forwarded here (POST) with what was typed. */
  @RequestMapping(
      value = "/sign-in",
      method = {RequestMethod.GET, RequestMethod.POST})
  String signIn(
      HttpServletRequest request,
      HttpServletResponse response,
      @RequestParam(required = false) String email,
      Model model) {
    // An accepted invitation's redirect brings the e-mail as a flash attribute.
    if (email != null || !model.containsAttribute("email")) {
      model.addAttribute("email", email == null ? "" : email);
    }
    model.addAttribute("failed", false);
    model.addAttribute("lockedSeconds", null);
    Object failure = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    if (failure instanceof LockedException locked) {
      model.addAttribute("lockedSeconds", Long.parseLong(locked.getMessage()));
      response.setStatus(429);
    } else if (failure instanceof AuthenticationException) {
      model.addAttribute("failed", true);
      response.setStatus(401);
    }
    model.addAttribute("signedOut", request.getParameter("out") != null);
    return "portal/sign-in";
  }

  @GetMapping("/cases")
  String list(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer severity,
      @RequestParam(required = false) String product,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Contact contact = contact(me);
    ContactCases.CaseList list =
        cases.list(contact, blankToNull(status), severity, blankToNull(product), page, PAGE_SIZE);
    model.addAttribute("contact", contact);
    model.addAttribute("zone", contact.zone().getId());
    model.addAttribute("statuses", STATUSES);
    model.addAttribute("list", list);
    model.addAttribute("sla", cases.slaStates(list.cases()));
    model.addAttribute("status", status);
    model.addAttribute("severity", severity);
    model.addAttribute("product", product);
    model.addAttribute("pages", (list.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    return "portal/cases";
  }

  @GetMapping("/cases/{caseNumber}")
  String kase(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @PathVariable String caseNumber,
      Model model) {
    Contact contact = contact(me);
    model.addAttribute("contact", contact);
    model.addAttribute("zone", contact.zone().getId());
    model.addAttribute("kase", cases.get(contact, caseNumber));
    model.addAttribute("can", cases.choices(contact, caseNumber));
    if (!model.containsAttribute("reply")) {
      model.addAttribute("reply", "");
    }
    return "portal/case";
  }

  @PostMapping("/cases/{caseNumber}/messages")
  String reply(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @PathVariable String caseNumber,
      @RequestParam(defaultValue = "") String text,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Contact contact = contact(me);
    try {
      cases.reply(contact, caseNumber, text);
    } catch (BadRequestException | RuleException refused) {
      // The page again, with what was typed and why it was refused.
      response.setStatus(refused instanceof BadRequestException ? 400 : 422);
      model.addAttribute("reply", text);
      model.addAttribute("replyError", PortalErrors.message(refused));
      return kase(me, caseNumber, model);
    }
    redirect.addFlashAttribute("notice", "portal.case.sent");
    return "redirect:" + PortalSecurity.PATH + "/cases/" + caseNumber;
  }

  @PostMapping("/cases/{caseNumber}/confirm-resolution")
  String confirm(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @PathVariable String caseNumber,
      RedirectAttributes redirect) {
    return act(
        caseNumber,
        redirect,
        "portal.case.confirmed",
        () -> cases.confirmResolution(contact(me), caseNumber));
  }

  @PostMapping("/cases/{caseNumber}/reopen")
  String reopen(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @PathVariable String caseNumber,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return act(
        caseNumber,
        redirect,
        "portal.case.reopened",
        () -> cases.reopen(contact(me), caseNumber, blankToNull(reason)));
  }

  @PostMapping("/cases/{caseNumber}/root-cause-analysis")
  String requestRootCauseAnalysis(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @PathVariable String caseNumber,
      RedirectAttributes redirect) {
    return act(
        caseNumber,
        redirect,
        "portal.case.rcaRequested",
        () -> cases.requestRootCauseAnalysis(contact(me), caseNumber));
  }

  /** The CC list as typed: addresses separated by commas, spaces or lines; empty clears it. */
  @PostMapping("/cases/{caseNumber}/cc")
  String cc(
      @AuthenticationPrincipal PortalSecurity.SignedIn me,
      @PathVariable String caseNumber,
      @RequestParam(defaultValue = "") String cc,
      RedirectAttributes redirect) {
    List<String> addresses =
        Arrays.stream(cc.split("[,;\\s]+")).filter(address -> !address.isBlank()).toList();
    redirect.addFlashAttribute("ccTyped", cc);
    return act(
        caseNumber,
        redirect,
        "portal.case.ccSaved",
        () -> cases.setCc(contact(me), caseNumber, addresses));
  }

  private String act(
      String caseNumber, RedirectAttributes redirect, String notice, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (BadRequestException | RuleException | ForbiddenException refused) {
      redirect.addFlashAttribute("actionError", PortalErrors.message(refused));
    }
    return "redirect:" + PortalSecurity.PATH + "/cases/" + caseNumber;
  }

  /** The contact behind the session; one removed since signing in is signed out. */
  private Contact contact(PortalSecurity.SignedIn me) {
    return contacts.find(me.email()).orElseThrow(PortalErrors.ContactGone::new);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
