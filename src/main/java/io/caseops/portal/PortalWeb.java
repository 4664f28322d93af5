package io.caseops.portal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
  }

  /** The page's language: French if asked for, else English. */
  static String language(Locale locale) {
    return Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? "fr" : "en";
  }
}
