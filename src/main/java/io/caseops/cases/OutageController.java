package io.caseops.cases;

import io.caseops.system.StaffAccess;
import io.caseops.system.StaffApiAuthentication;
import io.caseops.system.StaffApiAuthentication.StaffUser;
import io.caseops.system.StaffAudience;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outage management for staff ({@link Outages}): escalation and support managers declare, update
 * and end outages (their words reach every linked case's contacts by mail); engineers link their
 * cases to one too; the rest of staff who work cases read them.
 */
@RestController
@RequestMapping(OutageController.PATH)
class OutageController {

  static final String PATH = StaffApiAuthentication.PATH + "/outages";

  /**
   * @param region a region id of the product's catalogue; null for everywhere
   * @param text the first public update, optional
   */
  record Declaration(String product, String region, String title, String text) {}

  record Links(List<String> caseNumbers) {}

  record UpdateRequest(String text) {}

  private final Outages outages;

  OutageController(Outages outages) {
    this.outages = outages;
  }

  @PostMapping
  @StaffAccess(StaffAudience.INCIDENT_MANAGERS)
  ResponseEntity<Outages.Outage> declare(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff, @RequestBody Declaration request) {
    Outages.Outage outage =
        outages.declare(
            request.product(), request.region(), request.title(), request.text(), staff.id());
    return ResponseEntity.created(URI.create(PATH + "/" + outage.id())).body(outage);
  }

  @GetMapping
  @StaffAccess(StaffAudience.CASE_STAFF)
  List<Outages.Outage> list(@RequestParam(defaultValue = "true") boolean active) {
    return outages.list(active);
  }

  @GetMapping("/{id}")
  @StaffAccess(StaffAudience.CASE_STAFF)
  Outages.Outage get(@PathVariable long id) {
    return outages.get(id);
  }

  @PostMapping("/{id}/cases")
  @StaffAccess(StaffAudience.CASE_WORKERS)
  Outages.Outage link(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff,
      @PathVariable long id,
      @RequestBody Links request) {
    return outages.link(id, request.caseNumbers(), staff.id());
  }

  @PostMapping("/{id}/updates")
  @StaffAccess(StaffAudience.INCIDENT_MANAGERS)
  Outages.Outage post(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff,
      @PathVariable long id,
      @RequestBody UpdateRequest request) {
    return outages.post(id, request.text(), staff.id());
  }

  @PostMapping("/{id}/end")
  @StaffAccess(StaffAudience.INCIDENT_MANAGERS)
  Outages.Outage end(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff,
      @PathVariable long id,
      @RequestBody(required = false) UpdateRequest request) {
    return outages.end(id, request == null ? null : request.text(), staff.id());
  }
}
