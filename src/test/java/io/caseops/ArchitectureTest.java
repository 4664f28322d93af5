package io.caseops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.caseops.system.Api;
import io.caseops.system.EngineInternals;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md: packages by feature without cycles; {@code system}
 * (the shared kernel) depends on no feature; features reach each other only through the types they
 * mark {@link Api}; and the engine's internals are used by {@link EngineInternals} alone, the
 * upgrade hotspot.
 */
class ArchitectureTest {

  static final List<String> FEATURES = List.of("cases", "entitlement", "sla", "notification");
  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.caseops");

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.caseops.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theSharedKernelDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("io.caseops.system..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.caseops.cases..",
            "io.caseops.entitlement..",
            "io.caseops.sla..",
            "io.caseops.notification..",
            "io.caseops.policy..",
            "io.caseops.demo..")
        .check(MAIN);
  }

  @Test
  void featuresReachEachOtherOnlyThroughTheirApi() {
    classes()
        .that()
        .resideInAPackage("io.caseops..")
        .should(useOtherFeaturesOnlyThroughTheirApi())
        .check(MAIN);
  }

  @Test
  void aFeaturesPublicTypesAreItsApi() {
    for (String feature : FEATURES) {
      classes()
          .that()
          .resideInAPackage("io.caseops." + feature + "..")
          .and()
          .arePublic()
          .and()
          .areTopLevelClasses()
          .should()
          .beAnnotatedWith(Api.class)
          .because("a type other features do not use stays package-private")
          .check(MAIN);
    }
  }

  @Test
  void onlyEngineInternalsUsesTheEnginesInternals() {
    noClasses()
        .that(DescribedPredicate.not(insideEngineInternals()))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.camunda.bpm.engine.impl..", "org.camunda.bpm.dmn.engine.impl..")
        .check(MAIN);
  }

  private static DescribedPredicate<JavaClass> insideEngineInternals() {
    return DescribedPredicate.describe(
        "EngineInternals and its nested classes",
        type ->
            type.getName().equals(EngineInternals.class.getName())
                || type.getName().startsWith(EngineInternals.class.getName() + "$"));
  }

  private static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughTheirApi() {
    return new ArchCondition<>("use other features only through types marked @Api") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String from = feature(origin);
        origin
            .getDirectDependenciesFromSelf()
            .forEach(
                dependency -> {
                  JavaClass target = dependency.getTargetClass();
                  String to = feature(target);
                  if (to != null && !to.equals(from) && !isApi(target)) {
                    events.add(
                        SimpleConditionEvent.violated(
                            dependency,
                            dependency.getDescription() + ", which is not marked @Api"));
                  }
                });
      }
    };
  }

  /**
   * The feature a class belongs to, or null for the shared kernel and everything outside CaseOps.
   */
  private static String feature(JavaClass type) {
    for (String feature : FEATURES) {
      if (type.getPackageName().equals("io.caseops." + feature)
          || type.getPackageName().startsWith("io.caseops." + feature + ".")) {
        return feature;
      }
    }
    return null;
  }

  /** Marked @Api itself, or nested in a type that is (the façade's records). */
  private static boolean isApi(JavaClass type) {
    JavaClass outer = type;
    while (true) {
      if (outer.isAnnotatedWith(Api.class)) {
        return true;
      }
      if (outer.getEnclosingClass().isEmpty()) {
        return false;
      }
      outer = outer.getEnclosingClass().get();
    }
  }
}
