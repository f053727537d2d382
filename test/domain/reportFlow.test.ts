// The progress report's lifecycle as data (server/domain/reportFlow.ts): every allowed step listed, every other
// (status, action) pair refused with the catalogue's code, who may take each step, and the 预审 routing.
import { describe, expect, it } from 'vitest';
import { reportStatusSchema } from '../../shared/reporting.js';
import {
  REPORT_TRANSITIONS,
  mayTakeReportStep,
  reportActorOf,
  reportEditable,
  reportStep,
  requireReportActor,
  submitAction,
  type ReportAction,
  type ReportActorFacts,
} from '../../server/domain/reportFlow.js';

const actions: ReportAction[] = ['save', 'submit', 'submit_to_head', 'unit_approve', 'unit_return', 'accept', 'return'];
const froms = ['none', ...reportStatusSchema.options] as const;

describe('report lifecycle', () => {
  it('has exactly these steps, each with its party and audit action', () => {
    expect(REPORT_TRANSITIONS.map((t) => `${t.from} -${t.action}(${t.by})-> ${t.to} [${t.audit}]`)).toEqual([
      'none -save(lead_unit)-> draft [report.save]',
      'draft -save(lead_unit)-> draft [report.save]',
      'returned -save(lead_unit)-> returned [report.save]',
      'none -submit(lead_unit)-> submitted [report.submit]',
      'draft -submit(lead_unit)-> submitted [report.submit]',
      'returned -submit(lead_unit)-> submitted [report.resubmit]',
      'none -submit_to_head(unit_reporter)-> unit_review [report.submit]',
      'draft -submit_to_head(unit_reporter)-> unit_review [report.submit]',
      'returned -submit_to_head(unit_reporter)-> unit_review [report.resubmit]',
      'unit_review -unit_approve(unit_head)-> submitted [report.unit_approve]',
      'unit_review -unit_return(unit_head)-> returned [report.unit_return]',
      'submitted -accept(office)-> accepted [report.accept]',
      'submitted -return(office)-> returned [report.return]',
    ]);
  });

  it('allows each listed step and refuses every other pair of status and action with the action’s code', () => {
    const refusal: Record<ReportAction, string> = {
      save: 'REPORT_NOT_EDITABLE', submit: 'REPORT_NOT_EDITABLE', submit_to_head: 'REPORT_NOT_EDITABLE', accept: 'REPORT_NOT_EDITABLE', return: 'REPORT_NOT_EDITABLE',
      unit_approve: 'REPORT_NOT_IN_UNIT_REVIEW', unit_return: 'REPORT_NOT_IN_UNIT_REVIEW',
    };
    let allowed = 0;
    for (const from of froms) {
      for (const action of actions) {
        const listed = REPORT_TRANSITIONS.find((t) => t.from === from && t.action === action);
        const status = from === 'none' ? null : from;
        if (listed) {
          expect(reportStep(status, action)).toBe(listed);
          allowed++;
        } else {
          expect(() => reportStep(status, action), `${from} ${action}`).toThrow(expect.objectContaining({ code: refusal[action], details: { status: from, action } }));
        }
      }
    }
    expect(allowed).toBe(REPORT_TRANSITIONS.length);
    // undefined (no row found) is the same as null
    expect(reportStep(undefined, 'save').to).toBe('draft');
  });

  it('reaches every status from none, and accepted is the end', () => {
    const seen = new Set<string>(['none']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of REPORT_TRANSITIONS) {
        if (!seen.has(t.from) || seen.has(t.to)) continue;
        seen.add(t.to);
        grew = true;
      }
    }
    expect([...seen].sort()).toEqual([...froms].sort());
    expect(REPORT_TRANSITIONS.filter((t) => t.from === 'accepted')).toEqual([]);
  });

  it('is editable exactly where a save starts: before the first save, as a draft, or returned', () => {
    expect(froms.filter((f) => reportEditable(f === 'none' ? null : f))).toEqual(['none', 'draft', 'returned']);
  });

  it('sends a reporter’s submission to a head of the unit only when the plan asks for 预审', () => {
    expect(submitAction({ unitHeadReview: false }, { unitHead: false })).toBe('submit');
    expect(submitAction({ unitHeadReview: false }, { unitHead: true })).toBe('submit');
    expect(submitAction({ unitHeadReview: true }, { unitHead: false })).toBe('submit_to_head');
    expect(submitAction({ unitHeadReview: true }, { unitHead: true })).toBe('submit');
  });

  it('gives every action one party, and lets only that party take it', () => {
    for (const action of actions) expect(new Set(REPORT_TRANSITIONS.filter((t) => t.action === action).map((t) => t.by)).size, action).toBe(1);
    const facts = (ofUnit: boolean, unitHead: boolean, office: boolean): ReportActorFacts => ({ ofUnit, unitHead, office });
    const reporter = facts(true, false, false);
    const head = facts(true, true, false);
    const otherHead = facts(false, true, false);
    const office = facts(false, false, true);
    const stranger = facts(false, false, false);
    const may = (f: ReportActorFacts) => actions.filter((a) => mayTakeReportStep(a, f));
    expect(may(reporter)).toEqual(['save', 'submit', 'submit_to_head']);
    expect(may(head)).toEqual(['save', 'submit', 'unit_approve', 'unit_return']);
    expect(may(otherHead)).toEqual([]);
    expect(may(office)).toEqual(['accept', 'return']);
    expect(may(stranger)).toEqual([]);
    expect(reportActorOf('accept')).toBe('office');
    // each party's refusal is the code the API has always answered
    expect(() => requireReportActor('save', stranger)).toThrow(expect.objectContaining({ code: 'REPORT_NOT_LEAD_UNIT' }));
    expect(() => requireReportActor('unit_approve', reporter)).toThrow(expect.objectContaining({ code: 'REPORT_NOT_UNIT_HEAD' }));
    expect(() => requireReportActor('unit_return', otherHead)).toThrow(expect.objectContaining({ code: 'REPORT_NOT_UNIT_HEAD' }));
    expect(() => requireReportActor('accept', head)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => requireReportActor('return', office)).not.toThrow();
  });
});
