// parsePlan: one function in front of the pipeline
// decode → normalize → meta → outline → tasks and units → indicators → targets → projects → validate.
// Stages live in their own files; this file only wires them.
import { parsedPlanSchema, type ParsedPlan } from '../../shared/parsedPlan.js';
import type { ParseContext, RegistryUnit } from './types.js';
import { decodeInput, type DecodedInput } from './decode.js';
import { normalize } from './normalize.js';
import { extractMeta } from './meta.js';
import { parseOutline } from './outline.js';
import { extractTasks } from './tasks.js';
import { extractIndicators } from './indicators.js';
import { extractTargets } from './targets.js';
import { withColumnMemo } from './columns.js';
import { unitWrittenInDoc } from './numbersContext.js';
import { extractProjects } from './projects.js';
import { extractNotes } from './notes.js';
import { validateParsed } from './validate.js';
import { sharedRegistry } from './registry.js';

export interface ParseOptions {
  registry?: RegistryUnit[];
  region?: string | null;
  includeText?: boolean;
}

/** Parse decoded text. Never throws on odd text: problems become warnings. */
export function parseText(original: string, opts: ParseOptions = {}, decoded?: Omit<DecodedInput, 'text'>): ParsedPlan {
  return withColumnMemo(() => parseNormalized(original, opts, decoded));
}

function parseNormalized(original: string, opts: ParseOptions, decoded?: Omit<DecodedInput, 'text'>): ParsedPlan {
  const doc = normalize(original);
  const ctx: ParseContext = {
    doc,
    registry: opts.registry ?? sharedRegistry(),
    warnings: [],
    region: opts.region ?? null,
  };
  const meta = extractMeta(ctx, decoded ?? { format: 'txt', encoding: 'utf-8' });
  if (!ctx.region) ctx.region = meta.region;
  const outline = parseOutline(ctx);
  const tasks = extractTasks(ctx, outline);
  const indicators = extractIndicators(ctx, meta.periodStart);
  const targets = extractTargets(ctx, outline);
  const projects = extractProjects(ctx, outline);
  const notes = extractNotes(ctx);
  // measures read from headers and 单位 cells come from the simplified reading: give them the page's own script
  for (const t of targets) t.unit = unitWrittenInDoc(doc, t.unit);
  for (const i of indicators) i.unit = unitWrittenInDoc(doc, i.unit);
  const plan: ParsedPlan = {
    meta,
    text: opts.includeText === false ? undefined : original,
    outline,
    tasks,
    targets,
    indicators,
    projects,
    notes,
    warnings: ctx.warnings,
  };
  validateParsed(plan, ctx);
  return parsedPlanSchema.parse(plan);
}

/** Parse an uploaded file. Throws AppError(IMPORT_*) for input that is not a readable document. */
export async function parsePlan(bytes: Uint8Array, filename: string, opts: ParseOptions = {}): Promise<ParsedPlan> {
  const decoded = await decodeInput(bytes, filename);
  return parseText(decoded.text, opts, { format: decoded.format, encoding: decoded.encoding });
}
