// The rule registry, sorted by id. Adding a rule = one file + one import + one line here + one test file.
import { agencyDocumentDeadlines } from './agency/document-deadlines.js';
import { agencyDocumentLegalBasis } from './agency/document-legal-basis.js';
import { agencyDocumentNumberDate } from './agency/document-number-date.js';
import { agencyDocumentPublicNote } from './agency/document-public-note.js';
import { agencyIncidentPlans } from './agency/incident-plans.js';
import { agencyLgsp } from './agency/lgsp.js';
import { agencyMaturityLevel } from './agency/maturity-level.js';
import { agencyNetworkRules } from './agency/network-rules.js';
import { agencySecurityAssessment } from './agency/security-assessment.js';
import { agencyUnknownFact } from './agency/unknown-fact.js';
import { dataCriticality } from './data/criticality.js';
import { dataLayerBlock } from './data/layer-block.js';
import { dataNationalSync } from './data/national-sync.js';
import { dataOpenData } from './data/open-data.js';
import { dataOwner } from './data/owner.js';
import { dataPersonalDataCategory } from './data/personal-data-category.js';
import { dataQualityAssessed } from './data/quality-assessed.js';
import { dataQualityThreshold } from './data/quality-threshold.js';
import { dataSensitiveProtection } from './data/sensitive-protection.js';
import { dataSharingClass } from './data/sharing-class.js';
import { dataSharingRequests } from './data/sharing-requests.js';
import { dataUnknownFact } from './data/unknown-fact.js';
import type { Rule, RuleMeta } from './define-rule.js';
import { integrationMandatoryNdop } from './integration/mandatory-ndop.js';
import { integrationOutlivesEndpoint } from './integration/outlives-endpoint.js';
import { integrationRefusalInWriting } from './integration/refusal-in-writing.js';
import { integrationReplacedPlatform } from './integration/replaced-platform.js';
import { integrationRestrictedData } from './integration/restricted-data.js';
import { integrationRetiredEndpoint } from './integration/retired-endpoint.js';
import { integrationSharingPlatform } from './integration/sharing-platform.js';
import { kpiArchitectureTarget } from './kpi/architecture-target.js';
import { kpiBaseline } from './kpi/baseline.js';
import { kpiBelowNationalTarget } from './kpi/below-national-target.js';
import { kpiDocumentFigures } from './kpi/document-figures.js';
import { kpiMeasurement } from './kpi/measurement.js';
import { kpiTarget } from './kpi/target.js';
import { kpiTaskCoverage } from './kpi/task-coverage.js';
import { serviceDossierFigures } from './service/dossier-figures.js';
import { serviceFullOnline } from './service/full-online.js';
import { serviceHandlingSystem } from './service/handling-system.js';
import { serviceNationalPortal } from './service/national-portal.js';
import { serviceUnknownFact } from './service/unknown-fact.js';
import { systemContinuityPlans } from './system/continuity-plans.js';
import { systemDuplicatesNational } from './system/duplicates-national.js';
import { systemLevelOneSensitive } from './system/level-one-sensitive.js';
import { systemSecurityLevel } from './system/security-level.js';
import { systemTtdlqgRoadmap } from './system/ttdlqg-roadmap.js';
import { systemUnknownFact } from './system/unknown-fact.js';
import { taskArchitectureRoadmap } from './task/architecture-roadmap.js';
import { taskDeadline } from './task/deadline.js';
import { taskDeliverable } from './task/deliverable.js';
import { taskGapUnaddressed } from './task/gap-unaddressed.js';
import { taskOverdue } from './task/overdue.js';
import { taskTransitionLate } from './task/transition-late.js';
import { taskTransitionUnassigned } from './task/transition-unassigned.js';

export const RULES = [
  agencyDocumentDeadlines,
  agencyDocumentLegalBasis,
  agencyDocumentNumberDate,
  agencyIncidentPlans,
  agencyLgsp,
  agencyMaturityLevel,
  agencyNetworkRules,
  agencySecurityAssessment,
  agencyUnknownFact,
  dataCriticality,
  dataLayerBlock,
  dataNationalSync,
  dataOpenData,
  dataOwner,
  dataPersonalDataCategory,
  dataQualityAssessed,
  dataQualityThreshold,
  dataSensitiveProtection,
  dataSharingClass,
  dataSharingRequests,
  dataUnknownFact,
  integrationMandatoryNdop,
  integrationOutlivesEndpoint,
  integrationRefusalInWriting,
  integrationReplacedPlatform,
  integrationRestrictedData,
  integrationRetiredEndpoint,
  integrationSharingPlatform,
  kpiArchitectureTarget,
  kpiBaseline,
  kpiBelowNationalTarget,
  kpiDocumentFigures,
  kpiMeasurement,
  kpiTarget,
  kpiTaskCoverage,
  serviceDossierFigures,
  serviceFullOnline,
  serviceHandlingSystem,
  serviceNationalPortal,
  serviceUnknownFact,
  systemContinuityPlans,
  systemDuplicatesNational,
  systemLevelOneSensitive,
  systemSecurityLevel,
  systemTtdlqgRoadmap,
  systemUnknownFact,
  taskArchitectureRoadmap,
  taskDeadline,
  taskDeliverable,
  taskGapUnaddressed,
  taskOverdue,
  taskTransitionLate,
  taskTransitionUnassigned,
] as const satisfies readonly Rule[];

/**
 * Checks that read the agency's template overrides instead of the model (the pipeline runs them with
 * the rules): configured, listed and documented like the rules, in `check` like every finding.
 */
export const TEMPLATE_CHECKS: readonly RuleMeta[] = [agencyDocumentPublicNote];

/** Every rule and check `kientruc check` reports, sorted by id (SARIF, `schema --list codes`, docs). */
export const ALL_RULE_METAS: readonly RuleMeta[] = [...RULES, ...TEMPLATE_CHECKS].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
