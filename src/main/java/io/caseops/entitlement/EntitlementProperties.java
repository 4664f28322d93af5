package io.caseops.entitlement;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param englishOnlyProducts products supported in English only, whatever the region (Adobe
 *     Commerce: no Japanese)
 */
@ConfigurationProperties("caseops.entitlement")
record EntitlementProperties(
    @DefaultValue("adobe-commerce-managed-services") List<String> englishOnlyProducts) {}
