package io.caseops.system;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seeds the staff role model right after the engine is built: the groups, what each may do
 * (authorization checks are on), the Tasklist filters, and the first administrator
 * (FirstAdministrator).
 *
 * <p>Everything is created once and then left alone, so that changes made in Camunda Admin survive
 * restarts. See docs/operations.md, "Staff and permissions", for the table this code encodes.
 */
@Component
public class StaffDirectory extends AbstractCamundaConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(StaffDirectory.class);

  static final String FILTER_TEAM_TASKS = "My teams' tasks";
  static final String FILTER_MY_TASKS = "My tasks";
  static final String FILTER_OVERDUE_REVIEWS = "My overdue reviews";

  /** Account reviews, held by TAMs and CSMs (its key; the kernel does not depend on reports). */
  static final String REVIEW_PROCESS = "AccountReview";

  /** The process staff start in Tasklist (its key; the kernel does not depend on the cases). */
  static final String ESCALATION_PROCESS = "Escalation";

  private final StaffProperties staff;
  private final FirstAdministrator firstAdmin;
  private final StartupLock startupLock;
  private StartupLock.Held held;

  StaffDirectory(StaffProperties staff, FirstAdministrator firstAdmin, StartupLock startupLock) {
    this.staff = staff;
    this.firstAdmin = firstAdmin;
    this.startupLock = startupLock;
  }

  /**
   * One node at a time creates the engine's schema and then the staff set-up (StartupLock); a first
   * administrator who cannot be created stops the start before the schema.
   */
  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    held = startupLock.hold("the engine's schema and the staff set-up");
    try {
      firstAdmin.refuseAnUnusablePassword(configuration);
    } catch (RuntimeException refused) {
      held.close();
      throw refused;
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    try {
      IdentityService identity = engine.getIdentityService();
      AuthorizationService authorizations = engine.getAuthorizationService();

      groups().forEach((id, name) -> createGroup(identity, id, name));
      grants().forEach(grant -> grant.applyTo(authorizations));
      createFilters(engine.getFilterService(), engine.getTaskService(), authorizations);
      firstAdmin.createIfMissing(identity);
    } finally {
      held.close();
    }
  }

  /** Group id to display name, in the order Admin lists them. */
  Map<String, String> groups() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put(StaffGroups.SUPPORT_ENGINEERS, "Support engineers");
    staff
        .teams()
        .forEach(
            team ->
                groups.put(team, "Regional team " + team.replaceFirst("^team-", "").toUpperCase()));
    groups.put(StaffGroups.ESCALATION_MANAGERS, "Escalation managers");
    groups.put(StaffGroups.SUPPORT_MANAGERS, "Support managers");
    groups.put(StaffGroups.TECHNICAL_ACCOUNT_MANAGERS, "Technical account managers");
    groups.put(StaffGroups.CUSTOMER_SUCCESS_MANAGERS, "Customer success managers");
    groups.put(StaffGroups.PROCESS_OWNERS, "Process owners");
    groups.put(StaffGroups.MONITORING, "Monitoring (metrics scrapers)");
    groups.put(StaffGroups.ADMINS, "CaseOps administrators");
    return groups;
  }

  /**
   * The default permissions of each group. Engineers need no grant on tasks: the engine gives a
   * candidate group READ and TASK_WORK on each task it is a candidate for
   * (default-user-permission-name-for-task), which is exactly "see and work your team's tasks".
   */
  Collection<Grant> grants() {
    Grants grants = new Grants();
    List<String> staffGroups =
        new ArrayList<>(List.of(StaffGroups.SUPPORT_ENGINEERS, StaffGroups.PROCESS_OWNERS));
    staffGroups.addAll(StaffGroups.MANAGERS);
    for (String group : staffGroups) {
      // Everyone on staff works in Tasklist, reads the models their tasks come from and sees
      // colleagues' names.
      grants.grant(group, Resources.APPLICATION, "tasklist", ACCESS);
      grants.grant(group, Resources.PROCESS_DEFINITION, ANY, READ);
      grants.grant(group, Resources.DEPLOYMENT, ANY, READ);
      grants.grant(group, Resources.USER, ANY, READ);
      grants.grant(group, Resources.GROUP, ANY, READ);
      // ... and may escalate a case from Tasklist (Start process: Escalate a case), the one
      // process a person starts there: CREATE on instances is useless without CREATE_INSTANCE on
      // a definition.
      grants.grant(group, Resources.PROCESS_DEFINITION, ESCALATION_PROCESS, CREATE_INSTANCE);
      grants.grant(group, Resources.PROCESS_INSTANCE, ANY, CREATE);
    }
    for (String group : StaffGroups.MANAGERS) {
      grants.grant(group, Resources.APPLICATION, "cockpit", ACCESS);
    }
    // Support and escalation managers and process owners read everything in Cockpit: instances,
    // tasks, incidents, history, decisions. Technical account and customer success managers look
    // after some accounts only, which the engine's authorizations cannot tell apart: they see
    // Cockpit's SLA panel (the staff API, scoped to their accounts) and their own review tasks,
    // never every case's instance, task or history.
    for (String group :
        List.of(
            StaffGroups.SUPPORT_MANAGERS,
            StaffGroups.ESCALATION_MANAGERS,
            StaffGroups.PROCESS_OWNERS)) {
      grants.grant(group, Resources.APPLICATION, "cockpit", ACCESS);
      grants.grant(
          group, Resources.PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_TASK, READ_HISTORY);
      grants.grant(group, Resources.PROCESS_INSTANCE, ANY, READ);
      grants.grant(group, Resources.TASK, ANY, READ);
      grants.grant(group, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY);
      grants.grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
      grants.grant(group, Resources.BATCH, ANY, READ);
      grants.grant(group, Resources.REPORT, ANY, READ);
      grants.grant(group, Resources.DASHBOARD, ANY, READ);
    }
    // Process owners version models (suspend, time to live) and migrate running cases to a new
    // version. They do not deploy: a model's expressions (a timer start, a listener, a DMN cell)
    // run on the job executor without authorization checks, so deploying is administrator-
    // equivalent. Their models reach production through the repository (ModelDeployment), or an
    // administrator deploys from Modeler.
    for (Resource resource :
        List.of(
            Resources.PROCESS_DEFINITION,
            Resources.DECISION_DEFINITION,
            Resources.DECISION_REQUIREMENTS_DEFINITION,
            Resources.BATCH)) {
      grants.grant(StaffGroups.PROCESS_OWNERS, resource, ANY, ALL);
    }
    grants.grant(StaffGroups.PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY, READ, UPDATE);
    // Administrators: everything, as Camunda's own admin set-up does; only they get the Admin
    // application.
    for (Resources resource : Resources.values()) {
      grants.grant(StaffGroups.ADMINS, resource, ANY, ALL);
    }
    return grants.all();
  }

  private void createGroup(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(Groups.GROUP_TYPE_WORKFLOW);
    identity.saveGroup(group);
    LOG.info("Created staff group {}", id);
  }

  private void createFilters(
      FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    TaskQuery teamTasks =
        tasks
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks();
    TaskQuery myTasks = tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}");
    // A review not held by the end of its period: its task is past its due date.
    TaskQuery overdueReviews =
        tasks
            .createTaskQuery()
            .processDefinitionKey(REVIEW_PROCESS)
            .taskAssigneeExpression("${currentUser()}")
            .dueBeforeExpression("${now()}");
    createFilter(filters, authorizations, FILTER_TEAM_TASKS, -10, teamTasks, List.of());
    createFilter(filters, authorizations, FILTER_MY_TASKS, -5, myTasks, List.of());
    createFilter(
        filters,
        authorizations,
        FILTER_OVERDUE_REVIEWS,
        -7,
        overdueReviews,
        List.of(
            StaffGroups.TECHNICAL_ACCOUNT_MANAGERS,
            StaffGroups.CUSTOMER_SUCCESS_MANAGERS,
            StaffGroups.SUPPORT_MANAGERS));
  }

  private void createFilter(
      FilterService filters,
      AuthorizationService authorizations,
      String name,
      int priority,
      TaskQuery query,
      List<String> forGroups) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter =
        filters
            .newTaskFilter(name)
            .setOwner(null)
            .setQuery(query)
            .setProperties(Map.of("priority", priority, "description", name, "refresh", true));
    filters.saveFilter(filter);
    // Everyone's, or only these groups' (administrators read every filter).
    if (forGroups.isEmpty()) {
      Authorization everyone =
          authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      everyone.setResource(Resources.FILTER);
      everyone.setResourceId(filter.getId());
      everyone.addPermission(READ);
      authorizations.saveAuthorization(everyone);
    }
    for (String group : forGroups) {
      Authorization members = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      members.setGroupId(group);
      members.setResource(Resources.FILTER);
      members.setResourceId(filter.getId());
      members.addPermission(READ);
      authorizations.saveAuthorization(members);
    }
  }

  /** One authorization: a group's permissions on one resource (or all of that kind, {@code *}). */
  record Grant(String groupId, Resource resource, String resourceId, Set<Permission> permissions) {

    void applyTo(AuthorizationService authorizations) {
      boolean exists =
          authorizations
                  .createAuthorizationQuery()
                  .groupIdIn(groupId)
                  .resourceType(resource)
                  .resourceId(resourceId)
                  .count()
              > 0;
      if (exists) {
        return;
      }
      Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      permissions.forEach(authorization::addPermission);
      authorizations.saveAuthorization(authorization);
    }
  }

  /**
   * Collects grants, one per group and resource: the engine keeps one authorization row for each.
   */
  private static final class Grants {
    private final Map<String, Grant> byKey = new LinkedHashMap<>();

    void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
      Grant grant =
          byKey.computeIfAbsent(
              groupId + "|" + resource.resourceType() + "|" + resourceId,
              key -> new Grant(groupId, resource, resourceId, new LinkedHashSet<>()));
      grant.permissions().addAll(List.of(permissions));
    }

    Collection<Grant> all() {
      return byKey.values();
    }
  }
}
