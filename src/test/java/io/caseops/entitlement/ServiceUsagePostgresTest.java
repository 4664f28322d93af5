package io.caseops.entitlement;

import io.caseops.testsupport.CaseOpsPostgresTest;

/** Service hours on PostgreSQL. */
@CaseOpsPostgresTest
class ServiceUsagePostgresTest extends ServiceUsageScenarios {}
