package io.caseops.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The staff groups that may call a staff API operation ({@code /staff/api}), on the handler method:
 * the one place that says who may do what (StaffAccessRule enforces it before the body is read;
 * docs/operations.md lists it). Administrators may call every operation. An operation without it is
 * refused to everyone. Which cases or accounts within an operation a caller reaches is the
 * operation's own scope (a team's cases, a TAM's accounts), checked by its feature.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface StaffAccess {

  /** The groups it is open to; administrators always. */
  StaffAudience value();

  /** What a caller outside the groups is told; by default the groups' ids. */
  String refusal() default "";
}
