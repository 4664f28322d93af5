package io.caseops.portal;

import io.caseops.entitlement.NamedContacts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The portal's language: English or French, as the contact chose on a page ({@code ?lang=fr}, kept
 * in a cookie), else the browser's preference, else English. Texts are in
 * portal/messages*.properties, none in the templates.
 */
@Configuration(proxyBeanMethods = false)
class PortalWeb implements WebMvcConfigurer {

  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

  @Bean
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();
    browser.setSupportedLocales(LANGUAGES);
    browser.setDefaultLocale(Locale.ENGLISH);
    CookieLocaleResolver chosen = new CookieLocaleResolver("caseops-portal-language");
    chosen.setCookiePath(PortalSecurity.PATH);
    chosen.setCookieHttpOnly(true);
    chosen.setDefaultLocaleFunction(browser::resolveLocale);
    return chosen;
  }

  private final NamedContacts contacts;

  PortalWeb(NamedContacts contacts) {
    this.contacts = contacts;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new CurrentPassword(contacts))
        .addPathPatterns(PortalSecurity.PATH, PortalSecurity.PATH + "/**")
        .excludePathPatterns(
            PortalSecurity.SIGN_IN,
            PortalSecurity.PATH + "/assets/**",
            PortalSecurity.PATH + "/error");
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).addPathPatterns(PortalSecurity.PATH + "/**");
    registry
        .addInterceptor(new PasswordFirst())
        .addPathPatterns(PortalSecurity.PATH, PortalSecurity.PATH + "/**")
        .excludePathPatterns(
            PortalSecurity.PASSWORD_PAGE,
            PortalSecurity.SIGN_IN,
            PortalSecurity.PATH + "/assets/**",
            PortalSecurity.PATH + "/error");
  }

  /**
   * Ends a session whose password is no longer the contact's (changed in another session or through
   * the API), or whose contact was removed: at once, at its next page.
   */
  static class CurrentPassword implements HandlerInterceptor {
    private final NamedContacts contacts;

    CurrentPassword(NamedContacts contacts) {
      this.contacts = contacts;
    }

    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler)
        throws IOException {
      HttpSession session = request.getSession(false);
      Object stamp = session == null ? null : session.getAttribute(PortalSecurity.PASSWORD_STAMP);
      Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
      if (stamp == null
          || signedIn == null
          || !(signedIn.getPrincipal() instanceof PortalSecurity.SignedIn me)
          || stamp.equals(contacts.passwordStamp(me.email()).orElse(null))) {
        return true;
      }
      session.invalidate();
      SecurityContextHolder.clearContext();
      response.sendRedirect(request.getContextPath() + PortalSecurity.SIGN_IN + "?out");
      return false;
    }
  }

  /** A contact on an initial password sees the password change, nothing else, until it is done. */
  static class PasswordFirst implements HandlerInterceptor {
    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler)
        throws IOException {
      HttpSession session = request.getSession(false);
      if (session == null
          || session.getAttribute(PortalSecurity.PASSWORD_CHANGE_REQUIRED) == null) {
        return true;
      }
      response.sendRedirect(request.getContextPath() + PortalSecurity.PASSWORD_PAGE);
      return false;
    }
  }

  /** The page's language: French if asked for, else English. */
  static String language(Locale locale) {
    return Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? "fr" : "en";
  }
}
