package io.caseops.cases;

import io.caseops.testsupport.CaseOpsTest;

/** The case lifecycle on H2 (the embedded default). */
@CaseOpsTest
class CaseLifecycleTest extends CaseLifecycleScenarios {}
