package io.caseops.cases;

import io.caseops.testsupport.CaseOpsTest;

/** The contact API on H2 (the embedded default). */
@CaseOpsTest
class ContactApiTest extends ContactApiScenarios {}
