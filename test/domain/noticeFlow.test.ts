// The 督办 notice's lifecycle as data (server/domain/noticeFlow.ts): every allowed step listed, every other
// (status, action) pair refused with the catalogue's code.
import { describe, expect, it } from 'vitest';
import { noticeStatusSchema } from '../../shared/reporting.js';
import { NOTICE_TRANSITIONS, noticeStep, type NoticeAction } from '../../server/domain/noticeFlow.js';

const actions: NoticeAction[] = ['sign', 'handle', 'feedback', 'recheck', 'recheck_fail', 'close'];

describe('notice lifecycle', () => {
  it('has exactly these steps', () => {
    expect(NOTICE_TRANSITIONS.map((t) => `${t.from} -${t.action}(${t.by})-> ${t.to}`)).toEqual([
      'issued -sign(unit)-> signed',
      'signed -handle(unit)-> handled',
      'handled -feedback(unit)-> fed_back',
      'fed_back -recheck(office)-> rechecked',
      'fed_back -recheck_fail(office)-> handled',
      'rechecked -close(office)-> closed',
    ]);
  });

  it('allows each listed step and refuses every other pair of status and action', () => {
    let allowed = 0;
    for (const status of noticeStatusSchema.options) {
      for (const action of actions) {
        const listed = NOTICE_TRANSITIONS.find((t) => t.from === status && t.action === action);
        if (listed) {
          expect(noticeStep(status, action)).toBe(listed);
          allowed++;
        } else {
          expect(() => noticeStep(status, action), `${status} ${action}`).toThrow(expect.objectContaining({ code: 'NOTICE_INVALID_TRANSITION' }));
        }
      }
    }
    expect(allowed).toBe(NOTICE_TRANSITIONS.length);
  });

  it('reaches every status from issued, and closed is the end', () => {
    const seen = new Set(['issued']);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of NOTICE_TRANSITIONS) {
        if (!seen.has(t.from) || seen.has(t.to)) continue;
        seen.add(t.to);
        grew = true;
      }
    }
    expect([...seen].sort()).toEqual([...noticeStatusSchema.options].sort());
    expect(NOTICE_TRANSITIONS.filter((t) => t.from === 'closed')).toEqual([]);
  });
});
