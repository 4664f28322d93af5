package io.caseops.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The SQL tier on H2: a DataSource, JdbcTemplate and Flyway's migrations on an in-memory database
 * of its own, no engine, no web server, no CaseOps bean but those the class imports. Each test runs
 * in a transaction that is rolled back. {@link SqlSlicePostgresTest} is the same on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JdbcTest(
    properties = "spring.datasource.url=jdbc:h2:mem:caseops-sql-${random.uuid};DB_CLOSE_DELAY=-1")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
public @interface SqlSliceTest {}
