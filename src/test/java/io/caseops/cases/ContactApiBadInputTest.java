package io.caseops.cases;

import io.caseops.testsupport.CaseOpsTest;

/** Bad input on H2 (the embedded default). */
@CaseOpsTest
class ContactApiBadInputTest extends ContactApiBadInputScenarios {}
