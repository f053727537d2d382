// The rules a report's write uses to compute its task's status before the write (issue #15 phase 14).
import { describe, expect, it } from 'vitest';
import { reportChangesStatus, reportsSentAfterWrite, type ReportForStatus } from '../../server/domain/reportStatusInputs.js';

const rep = (over: Partial<ReportForStatus>): ReportForStatus => ({ taskId: 1, status: 'submitted', progress: 30, reportedStatus: '推进中', start: '2026-02-01', label: '2026年2月', ...over });

describe('reportsSentAfterWrite', () => {
  it("replaces the report read of the written report's period, keeps the others in order", () => {
    const jan = rep({ start: '2026-01-01', status: 'accepted' });
    const feb = rep({ progress: 30 });
    const mar = rep({ start: '2026-03-01', label: '2026年3月' });
    const written = rep({ status: 'accepted', progress: 40 });
    expect(reportsSentAfterWrite([jan, feb, mar], written, '2026-01-01')).toEqual([jan, mar, written]);
  });
  it('drops the report of its period when it is no longer sent (returned), adds it when it is (a draft submitted)', () => {
    const feb = rep({});
    expect(reportsSentAfterWrite([feb], rep({ status: 'returned' }), '2026-02-01')).toEqual([]);
    expect(reportsSentAfterWrite([], rep({ status: 'unit_review' }), '2026-02-01')).toEqual([rep({ status: 'unit_review' })]);
    expect(reportsSentAfterWrite([], rep({ status: 'draft' }), '2026-02-01')).toEqual([]);
  });
  it('a report before the due period does not count; no due period: none count', () => {
    expect(reportsSentAfterWrite([], rep({ start: '2026-01-01' }), '2026-02-01')).toEqual([]);
    expect(reportsSentAfterWrite([rep({})], rep({}), null)).toEqual([]);
  });
  it("leaves another task's report of the same period", () => {
    const other = rep({ taskId: 2 });
    expect(reportsSentAfterWrite([other], rep({ status: 'returned' }), '2026-02-01')).toEqual([other]);
  });
});

describe('reportChangesStatus', () => {
  it('a new report always; a report written again when its state, progress or reported status differ', () => {
    const before = { status: 'draft', progress: 10, reportedStatus: '推进中' };
    expect(reportChangesStatus(null, before)).toBe(true);
    expect(reportChangesStatus(before, { ...before })).toBe(false);
    expect(reportChangesStatus(before, { ...before, status: 'submitted' })).toBe(true);
    expect(reportChangesStatus(before, { ...before, progress: 11 })).toBe(true);
    expect(reportChangesStatus(before, { ...before, progress: null })).toBe(true);
    expect(reportChangesStatus(before, { ...before, reportedStatus: null })).toBe(true);
    expect(reportChangesStatus({ ...before, reportedStatus: null }, { ...before, reportedStatus: null })).toBe(false);
  });
});
