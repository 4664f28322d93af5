package io.caseops.cases;

import io.caseops.testsupport.CaseOpsPostgresTest;

/** The contact API on PostgreSQL. */
@CaseOpsPostgresTest
class ContactApiPostgresTest extends ContactApiScenarios {}
