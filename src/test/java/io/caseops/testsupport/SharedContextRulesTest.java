package io.caseops.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * What keeps the whole-application tiers at one start each (docs/architecture.md, "How the tiers
 * run"): surefire keeps up to three contexts (spring.test.context.cache.maxSize in pom.xml), room
 * for the one whole application of its execution and the slices, so no two engines named "default"
 * ever live at once. That holds while every whole-application class outside the isolated execution
 * is a plain {@link CaseOpsTest} or {@link CaseOpsPostgresTest}: a private property, profile,
 * import or mock would make a second application context.
 */
class SharedContextRulesTest {

  static final JavaClasses TESTS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
          .importPackages("io.caseops");

  @Test
  void wholeApplicationClassesCarryNoConfigurationOfTheirOwn() throws IOException {
    Set<String> isolated = isolatedClasses();
    List<String> broken = new ArrayList<>();
    for (JavaClass test : TESTS) {
      if (test.reflect().isAnnotation()
          || !test.isMetaAnnotatedWith(SpringBootTest.class)
          || isolated.contains(test.getSimpleName())) {
        continue;
      }
      for (JavaClass level : hierarchy(test)) {
        if (!level.isAnnotatedWith(CaseOpsTest.class)
            && !level.isAnnotatedWith(CaseOpsPostgresTest.class)
            && level.isAnnotatedWith(SpringBootTest.class)) {
          broken.add(level.getName() + ": @SpringBootTest of its own");
        }
        for (Class<? extends java.lang.annotation.Annotation> own :
            List.of(
                TestPropertySource.class,
                ActiveProfiles.class,
                ContextConfiguration.class,
                Import.class)) {
          if (level.isAnnotatedWith(own)) {
            broken.add(level.getName() + ": @" + own.getSimpleName());
          }
        }
        level.getMethods().stream()
            .filter(method -> method.isAnnotatedWith(DynamicPropertySource.class))
            .forEach(method -> broken.add(method.getFullName() + ": @DynamicPropertySource"));
        level.getFields().stream()
            .filter(
                field ->
                    field.isAnnotatedWith(MockitoBean.class)
                        || field.isAnnotatedWith(MockitoSpyBean.class))
            .forEach(field -> broken.add(field.getFullName() + ": a mock bean"));
      }
    }
    assertThat(broken).as("classes that would start a second application").isEmpty();
  }

  @Test
  void theRuleSeesTheSharedClasses() throws IOException {
    assertThat(
            TESTS.stream()
                .filter(test -> !test.reflect().isAnnotation())
                .filter(test -> test.isMetaAnnotatedWith(SpringBootTest.class)))
        .hasSizeGreaterThan(20);
    assertThat(isolatedClasses()).contains("H2NodeTest").doesNotContain("ApiFuzzTest");
  }

  /** The classes of the surefire execution isolated-tests, from pom.xml's isolated.test.N. */
  static Set<String> isolatedClasses() throws IOException {
    return Pattern.compile("<isolated\\.test\\.\\d+>\\*\\*/(\\w+)\\.java</isolated")
        .matcher(Files.readString(Path.of("pom.xml")))
        .results()
        .map(match -> match.group(1))
        .collect(Collectors.toSet());
  }

  static List<JavaClass> hierarchy(JavaClass test) {
    List<JavaClass> levels = new ArrayList<>();
    levels.add(test);
    test.getAllRawSuperclasses().stream()
        .filter(type -> type.getPackageName().startsWith("io.caseops"))
        .forEach(levels::add);
    return levels;
  }
}
