import type { AnySectionBuilder } from '../report.types';
import { actionsSectionOf } from './actions.section';
import { logisticsSection, serviceSection } from './complaints-by.section';
import { complianceSection } from './compliance.section';
import { funnelSection } from './funnel.section';
import { qualitySection } from './quality.section';
import { quotesSection } from './quotes.section';
import { reviewerRiskSection } from './reviewer-risk.section';
import { rootCausesSection } from './root-causes.section';
import { summarySection } from './summary.section';

/**
 * The sections of the report in reading order (the issue's). A new section is one builder added here, before
 * actions, and its data type in ReportSections.
 */
const DATA_SECTIONS: readonly AnySectionBuilder[] = [
  summarySection,
  rootCausesSection,
  qualitySection,
  logisticsSection,
  serviceSection,
  reviewerRiskSection,
  funnelSection,
  quotesSection,
  complianceSection,
];

export const REPORT_SECTIONS: readonly AnySectionBuilder[] = [...DATA_SECTIONS, actionsSectionOf(DATA_SECTIONS)];
