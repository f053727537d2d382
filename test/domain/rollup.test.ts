import { describe, expect, it } from 'vitest';
import { countColors, rollupOutline, rollupProgress, type RollupTask } from '../../server/domain/rollup.js';

const tasks: RollupTask[] = [
  { id: 1, nodeId: 'c1s1', weight: 3, progress: 50, color: 'green' },
  { id: 2, nodeId: 'c1s1', weight: 1, progress: 10, color: 'red' },
  { id: 3, nodeId: 'c1s2', weight: 2, progress: null, color: 'grey' },
  { id: 4, nodeId: 'c2', progress: 80, color: 'blue' }, // completed counts as 100
  { id: 5, nodeId: null, weight: 1, progress: 40, color: 'yellow' },
];
const outline = [
  { id: 'c1', parentId: null },
  { id: 'c1s1', parentId: 'c1' },
  { id: 'c1s2', parentId: 'c1' },
  { id: 'c2', parentId: null },
  { id: 'c3', parentId: null },
];

describe('rollupProgress', () => {
  it('weights progress and leaves unreported tasks out of the mean', () => {
    // (3×50 + 1×10 + 1×100 + 1×40) / 6 = 50
    expect(rollupProgress(tasks)).toEqual({
      progress: 50,
      taskCount: 5,
      weightTotal: 8,
      weightWithProgress: 6,
      counts: { green: 1, yellow: 1, red: 1, grey: 1, blue: 1 },
    });
  });
  it('can count unreported tasks as zero', () => {
    // 300 / 8 = 37.5
    expect(rollupProgress(tasks, { missingProgress: 'zero' }).progress).toBe(37.5);
  });
  it.each([
    [[], null],
    [[{ id: 1, progress: null, color: 'grey' }], null],
    [[{ id: 1, weight: 0, progress: 50, color: 'green' }], null], // zero weight contributes nothing
    [[{ id: 1, progress: 33.33, color: 'green' }, { id: 2, progress: 66.67, color: 'green' }], 50],
  ] as const)('%o → %s', (list, progress) => {
    expect(rollupProgress(list as unknown as RollupTask[]).progress).toBe(progress);
  });
  it('rejects negative weights and progress over 100', () => {
    expect(() => rollupProgress([{ id: 1, weight: -1, progress: 1, color: 'green' }])).toThrow();
    expect(() => rollupProgress([{ id: 1, progress: 101, color: 'green' }])).toThrow();
  });
});

describe('rollupOutline', () => {
  const { plan, nodes } = rollupOutline(outline, tasks);
  it('rolls sections up into chapters', () => {
    expect(nodes.get('c1s1')!.progress).toBe(40); // (150+10)/4
    expect(nodes.get('c1s2')!.progress).toBeNull();
    expect(nodes.get('c1')).toMatchObject({ progress: 40, taskCount: 3, weightTotal: 6, counts: { green: 1, red: 1, grey: 1 } });
    expect(nodes.get('c2')!.progress).toBe(100);
    expect(nodes.get('c3')).toMatchObject({ progress: null, taskCount: 0 });
  });
  it('plan total includes tasks outside the outline', () => {
    expect(plan.taskCount).toBe(5);
    expect(plan.progress).toBe(50);
  });
  it('survives a cyclic outline', () => {
    const r = rollupOutline([{ id: 1, parentId: 2 }, { id: 2, parentId: 1 }], [{ id: 't', nodeId: 1, progress: 10, color: 'green' }]);
    expect(r.nodes.get(1)!.taskCount).toBe(1);
    expect(r.nodes.get(2)!.taskCount).toBe(1);
  });
});

describe('countColors', () => {
  it('counts', () => {
    expect(countColors(['red', 'red', 'blue'])).toEqual({ green: 0, yellow: 0, red: 2, grey: 0, blue: 1 });
  });
});
