package io.caseops.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and Camunda Form found under the {@code processes/} and {@code forms/}
 * folders (on the classpath under the same names, see pom.xml) as one deployment.
 *
 * <p>Why not the starter's default: its resource pattern skips {@code .form}, and it names each
 * resource by its absolute file path in {@code spring-boot:run} but by its bare file name in the
 * jar. Names must be stable, because the engine's duplicate filter compares resources by name: with
 * stable names a restart deploys nothing new, and any changed file redeploys the whole set, so
 * {@code camunda:formRef} with binding {@code deployment} always finds its form.
 */
@Component
public class ModelDeployment extends AbstractCamundaConfiguration
    implements CamundaDeploymentConfiguration {

  /**
   * The deployment's name in Cockpit; the duplicate filter only compares deployments of this name.
   */
  public static final String DEPLOYMENT_NAME = "caseops-models";

  /** Folders the process owners edit, and the file kinds the engine deploys from them. */
  public static final List<String> FOLDERS = List.of("processes", "forms");

  public static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  private final PathMatchingResourcePatternResolver resolver =
      new PathMatchingResourcePatternResolver();

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    if (!camundaBpmProperties.isAutoDeploymentEnabled()) {
      return;
    }
    Set<Resource> resources = getDeploymentResources();
    configuration.setDeploymentName(DEPLOYMENT_NAME);
    // false = redeploy the whole set when any resource changed (the engine's duplicate filter is on
    // either way).
    configuration.setDeployChangedOnly(false);
    configuration.setDeploymentResources(resources.toArray(Resource[]::new));
    LOG.info(
        "Deploying {} models and forms from {}: {}",
        resources.size(),
        FOLDERS,
        resources.stream()
            .map(r -> ((ContextResource) r).getPathWithinContext())
            .sorted()
            .toList());
  }

  @Override
  public Set<Resource> getDeploymentResources() {
    Set<Resource> found = new LinkedHashSet<>();
    for (String folder : FOLDERS) {
      for (String suffix : SUFFIXES) {
        found.addAll(resolve(folder, suffix));
      }
    }
    return found;
  }

  private List<Resource> resolve(String folder, String suffix) {
    try {
      Resource[] roots = resolver.getResources("classpath*:" + folder + "/");
      Resource[] files = resolver.getResources("classpath*:" + folder + "/**/*" + suffix);
      return java.util.Arrays.stream(files)
          .filter(Resource::isReadable)
          .map(file -> (Resource) new NamedModel(folder + "/" + relativePath(file, roots)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot list " + folder + "/*" + suffix + " on the classpath", e);
    }
  }

  /**
   * The file's path below the classpath root it was found in, the same in a folder and in a jar.
   */
  private static String relativePath(Resource file, Resource[] roots) {
    try {
      String url = file.getURL().toString();
      for (Resource root : roots) {
        String rootUrl = root.getURL().toString();
        if (url.startsWith(rootUrl)) {
          return url.substring(rootUrl.length());
        }
      }
      return file.getFilename();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A classpath resource the engine names by its path, e.g. {@code processes/SupportCase.bpmn}. */
  static final class NamedModel extends ClassPathResource implements ContextResource {
    NamedModel(String path) {
      super(path);
    }

    @Override
    public String getPathWithinContext() {
      return getPath();
    }
  }
}
