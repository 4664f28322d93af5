package io.caseops.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
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
