/**
 * What the platform derives for the common CRM objects, from the Object Reference field tables: the defaults of
 * fields marked "Defaulted on create", closed/won flags that follow a picklist, and compound Name fields.
 * Everything else an org's setup adds (assignment rules, validation rules, sales processes, flows) is not modelled
 * (DIVERGENCES.md).
 */
import type { PlainValue } from '../api.ts';
import type { ObjectRules } from './types.ts';

/**
 * The default Opportunity stages of a new org (Object Reference, "OpportunityStage": DefaultProbability,
 * ForecastCategoryName, IsClosed, IsWon).
 */
const OPPORTUNITY_STAGES: Record<string, { probability: number; forecast: string; closed: boolean; won: boolean }> = {
  prospecting: { probability: 10, forecast: 'Pipeline', closed: false, won: false },
  qualification: { probability: 10, forecast: 'Pipeline', closed: false, won: false },
  'needs analysis': { probability: 20, forecast: 'Pipeline', closed: false, won: false },
  'value proposition': { probability: 50, forecast: 'Pipeline', closed: false, won: false },
  'id. decision makers': { probability: 60, forecast: 'Pipeline', closed: false, won: false },
  'perception analysis': { probability: 70, forecast: 'Pipeline', closed: false, won: false },
  'proposal/price quote': { probability: 75, forecast: 'Pipeline', closed: false, won: false },
  'negotiation/review': { probability: 90, forecast: 'Pipeline', closed: false, won: false },
  'closed won': { probability: 100, forecast: 'Closed', closed: true, won: true },
  'closed lost': { probability: 0, forecast: 'Omitted', closed: true, won: false },
};

/** Defaults of a new org's picklists (the first default value of the standard picklist). */
const DEFAULTS: Record<string, Record<string, PlainValue>> = {
  case: { Status: 'New', Priority: 'Medium' },
  lead: { Status: 'Open - Not Contacted' },
  task: { Status: 'Not Started', Priority: 'Normal' },
  contract: { Status: 'Draft' },
  order: { Status: 'Draft' },
  campaign: { Status: 'Planned', IsActive: false },
};

export function standardFieldDefaults(objectName: string): Record<string, PlainValue> {
  return DEFAULTS[objectName.toLowerCase()] ?? {};
}

const joinName = (...parts: PlainValue[]): PlainValue =>
  parts.filter((p) => p !== null && p !== undefined && p !== '').join(' ') || null;

export const opportunityRules: ObjectRules = {
  prepare(row, existing) {
    const stage = OPPORTUNITY_STAGES[String(row.StageName ?? '').toLowerCase()];
    const stageChanged = !existing || existing.StageName !== row.StageName;
    if (!stage || !stageChanged) return;
    if (!existing || existing.Probability === row.Probability) row.Probability = stage.probability;
    row.ForecastCategoryName = stage.forecast;
    row.ForecastCategory = stage.forecast;
    row.IsClosed = stage.closed;
    row.IsWon = stage.won;
  },
};

export const caseRules: ObjectRules = {
  prepare(row, existing, ctx) {
    // a new case gets the org's default business hours (Object Reference, Case.BusinessHoursId)
    if (!existing && !row.BusinessHoursId)
      row.BusinessHoursId = ctx.store.lookup('BusinessHours', 'IsDefault', [true])[0]?.Id ?? null;
    const closed = String(row.Status ?? '').toLowerCase() === 'closed';
    row.IsClosed = closed;
    if (closed && !existing?.ClosedDate) row.ClosedDate = ctx.now.toISOString();
    if (!closed) row.ClosedDate = null;
  },
};

export const taskRules: ObjectRules = {
  prepare(row) {
    row.IsClosed = String(row.Status ?? '').toLowerCase() === 'completed';
  },
};

export const leadRules: ObjectRules = {
  prepare(row) {
    row.Name = joinName(row.FirstName, row.LastName);
  },
};
