package io.caseops.cases;

import io.caseops.testsupport.SqlSliceTest;

/** The case list's SQL on H2 (the embedded default). */
@SqlSliceTest
class CaseQueriesSqlTest extends CaseQueriesScenarios {}
