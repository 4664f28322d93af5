package io.caseops.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caseops.entitlement.EntitlementLookup;
import io.caseops.entitlement.NamedContacts;
import io.caseops.entitlement.PlanEntitlements;
import io.caseops.sla.CoverageProperties;
import io.caseops.sla.CoverageRegions;
import io.caseops.sla.ResponseTargets;
import io.caseops.system.EngineClock;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The policy endpoints' parameter rules on the web layer alone (the controller, CaseOps' problem
 * details, the real coverage regions): every bad parameter is a 400 that names it. The plans and
 * products come from stubs here, with the catalogue's own ids; PolicyControllerTest quotes from the
 * real decisions in the whole application. The endpoints are public, so no filter stands between.
 */
@WebMvcTest(PolicyController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({CoverageRegions.class, EngineClock.class})
@EnableConfigurationProperties(CoverageProperties.class)
class PolicyControllerWebTest {

  @Autowired MockMvc mvc;
  @MockitoBean ResponseTargets targets;
  @MockitoBean PlanEntitlements plans;
  @MockitoBean EntitlementLookup entitlements;

  /** For the portal's web configuration, which every web slice loads. */
  @MockitoBean NamedContacts contacts;

  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void automationAnywhere() {
    when(plans.of(anyString(), anyString())).thenReturn(Optional.empty());
    when(plans.of("automation-anywhere", "gold"))
        .thenReturn(
            Optional.of(new PlanEntitlements.Plan("automation-anywhere", "gold", Map.of())));
    when(entitlements.productIds("automation-anywhere"))
        .thenReturn(List.of("automation-360", "process-discovery"));
  }

  @ParameterizedTest(name = "{0} -> 400 naming {1}")
  @CsvSource({
    "/api/policy/response-due?catalogue=acme&plan=gold&severity=2&product=automation-360&region=EMEA, catalogue",
    "/api/policy/response-due?catalogue=automation-anywhere&plan=expert&severity=2&product=automation-360&region=EMEA, plan",
    "/api/policy/response-due?catalogue=automation-anywhere&plan=gold&severity=5&product=automation-360&region=EMEA, severity",
    "/api/policy/response-due?catalogue=automation-anywhere&plan=gold&severity=high&product=automation-360&region=EMEA, severity",
    "/api/policy/response-due?catalogue=automation-anywhere&plan=gold&severity=2&product=adobe-target&region=EMEA, product",
    "/api/policy/response-due?catalogue=automation-anywhere&plan=gold&severity=2&product=automation-360&region=JAPAN, region",
    "/api/policy/response-due?catalogue=automation-anywhere&plan=gold&severity=2&product=automation-360&region=EMEA&submittedAt=yesterday, submittedAt",
    "/api/policy/response-due?catalogue=automation-anywhere&plan=gold&severity=2&product=automation-360&region=EMEA&licenceStart=2021-13-01, licenceStart",
    "/api/policy/response-due?catalogue=automation-anywhere&plan=gold&severity=2&product=automation-360&region=EMEA&submittedAt=%2B999999999-12-31T23:59:59Z, submittedAt",
    "/api/policy/response-due?catalogue=automation-anywhere&plan=gold&severity=2&product=automation-360&region=EMEA&submittedAt=-999999999-01-01T00:00:00Z, submittedAt",
    "/api/policy/response-due?catalogue=automation-anywhere&plan=gold&severity=2&product=automation-360&region=EMEA&licenceStart=%2B999999999-12-31, licenceStart",
    "/api/policy/response-due?catalogue=automation-anywhere&plan=gold&severity=2&product=automation-360&region=EMEA&priorityQueue=yes, priorityQueue",
    "/api/policy/response-due?catalogue=automation-anywhere&plan=gold&severity=2&product=automation-360&region=EMEA&language=english, language",
    "/api/policy/response-due?catalogue=automation-anywhere&plan=gold&severity=2&product=automation-360, region",
    "/api/policy/calendars/EMEA?catalogue=automation-anywhere&year=20x6, year",
    "/api/policy/calendars/MARS?catalogue=automation-anywhere, region",
    "/api/policy/calendars/EMEA, catalogue"
  })
  void badParametersGet400NamingTheParameter(String path, String parameter) throws Exception {
    // As sent: the path is already encoded (%2B is a plus sign).
    MockHttpServletResponse response = mvc.perform(get(URI.create(path))).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    String body = response.getContentAsString();
    JsonNode problem = json.readTree(body);
    assertThat(problem.path("errors").findValuesAsText("field")).contains(parameter);
    assertThat(body).doesNotContain("Exception").doesNotContain("at io.");
  }
}
