// One Chinese label table per enum that both the server's documents and the web app show (issue #12). Status words
// (task states, report states, light colours) are in shared/statusWords.ts; role names in shared/roles.ts.
import type { z } from 'zod';
import type { indicatorAttributeSchema, indicatorKindSchema } from './reportDocs.js';

/** 约束性 / 预期性 */
export const indicatorAttributeLabels: Record<z.infer<typeof indicatorAttributeSchema>, string> = { binding: '约束性', expected: '预期性' };
/** 口径: what the target figure measures */
export const indicatorKindLabels: Record<z.infer<typeof indicatorKindSchema>, string> = { level: '水平值', annual_growth: '年均增速', cumulative: '累计值' };
