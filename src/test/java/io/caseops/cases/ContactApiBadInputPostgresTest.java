package io.caseops.cases;

import io.caseops.testsupport.CaseOpsPostgresTest;

/** Bad input on PostgreSQL. */
@CaseOpsPostgresTest
class ContactApiBadInputPostgresTest extends ContactApiBadInputScenarios {}
