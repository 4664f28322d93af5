// CaseOps' Cockpit configuration: Camunda's defaults (all commented out in the shipped file) plus
// CaseOps' SLA plugin. Served from the CaseOps jar in place of the webapp's own config.js
// (docs/reports.md, "In Cockpit").
export default {
  customScripts: ['scripts/caseops-sla']
};
