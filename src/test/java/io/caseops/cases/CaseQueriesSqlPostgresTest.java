package io.caseops.cases;

import io.caseops.testsupport.SqlSlicePostgresTest;

/** The case list's SQL on PostgreSQL. */
@SqlSlicePostgresTest
class CaseQueriesSqlPostgresTest extends CaseQueriesScenarios {}
