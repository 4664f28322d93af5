package io.caseops.entitlement;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param englishOnlyProducts products supported in English only, whatever the region or plan: a
 *     rule of the support policy, set in application.yaml (Adobe Commerce: no Japanese), which
 *     docs/process-owners.md documents
 */
@ConfigurationProperties("caseops.entitlement")
record EntitlementProperties(@DefaultValue List<String> englishOnlyProducts) {}
