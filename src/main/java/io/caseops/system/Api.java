package io.caseops.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type of a feature package ({@code cases}, {@code entitlement}, {@code sla}, {@code
 * notification}) that other features may use: the feature's façade and the values it takes and
 * gives. Every other type of a feature is package-private or used only inside it; {@code
 * ArchitectureTest} holds both rules. Adding this annotation is a decision about the feature's
 * boundary, to be made as deliberately as making a method public.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Api {}
