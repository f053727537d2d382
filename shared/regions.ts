// The region tree (重庆市 → 区县 → 镇街) as the API lists it (GET /api/regions).
import { z } from 'zod';

export const regionSchema = z.object({ id: z.number(), name: z.string(), level: z.string(), parentId: z.number().nullable() });
export type Region = z.infer<typeof regionSchema>;
