package io.caseops.entitlement;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param followTheSunTeam the global 24x7 group that takes Sev 1 cases in English on follow-the-sun
 *     plans
 * @param englishOnlyProducts products supported in English only, whatever the region (Adobe
 *     Commerce: no Japanese)
 */
@ConfigurationProperties("caseops.entitlement")
record EntitlementProperties(
    @DefaultValue("team-follow-the-sun") String followTheSunTeam,
    @DefaultValue("adobe-commerce-managed-services") List<String> englishOnlyProducts) {}
