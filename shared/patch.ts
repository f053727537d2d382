// A PATCH body schema from an object schema: every field optional and WITHOUT its default.
// Zod's .partial() keeps .default() values, so a patch of one field would reset the others.
import { z } from 'zod';

function withoutDefault(s: z.ZodType): z.ZodType {
  return s instanceof z.ZodDefault ? withoutDefault(s.unwrap() as z.ZodType) : s;
}

export function patchSchema<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodType<Partial<z.output<z.ZodObject<S>>>, Partial<z.input<z.ZodObject<S>>>> {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, withoutDefault(v as z.ZodType).optional()]));
  return z.object(shape) as never;
}
