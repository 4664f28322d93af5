package io.caseops.entitlement;

import io.caseops.testsupport.CaseOpsTest;

/** Service hours on H2 (the embedded default). */
@CaseOpsTest
class ServiceUsageTest extends ServiceUsageScenarios {}
