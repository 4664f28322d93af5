package io.caseops.cases;

import io.caseops.testsupport.CaseOpsPostgresTest;

/** The case lifecycle on PostgreSQL. */
@CaseOpsPostgresTest
class CaseLifecyclePostgresTest extends CaseLifecycleScenarios {}
