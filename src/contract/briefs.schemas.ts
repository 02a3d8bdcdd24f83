/** Request and response schemas of brief classification (POST /api/briefs/classify, `vivier classify --json`). */
import { z } from 'zod';
import type { BriefClassification } from '../core/briefs/classify-brief.js';
import { ARCHETYPES, FUNCTIONS, INDUSTRIES } from '../core/model.js';

export const ClassifyBody = z.strictObject({
  text: z.string().describe('A project brief, in French or English; an empty text decides nothing.'),
});

export const BriefEvidenceOut = z.object({
  phrase: z.string().describe('The words of the brief, as written.'),
  span: z.tuple([z.number().int(), z.number().int()]).describe('Character offsets [start, end) into text.'),
  weight: z.number().describe('What this occurrence added to the score.'),
  cue: z.string().describe('The lexicon entry or taxonomy label it matched.'),
});

function fieldOut<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  const value = z.enum(values);
  return z.object({
    value: value.nullable().describe(`The ${what}, or null when the brief does not decide it.`),
    confidence: z.number().min(0).max(1).describe('0 when value is null.'),
    score: z.number().describe('Sum of the evidence weights (0 when value is null).'),
    evidence: z.array(BriefEvidenceOut).describe('The words that decided it, in text order.'),
    runnersUp: z
      .array(z.object({ value, score: z.number(), evidence: z.array(BriefEvidenceOut) }))
      .describe('Other classes with some evidence, best first (at most 3).'),
  });
}

export const ClassifyResponse = z.object({
  industry: fieldOut(INDUSTRIES, 'industry'),
  businessFunction: fieldOut(FUNCTIONS, 'business function'),
  archetype: fieldOut(ARCHETYPES, 'project archetype'),
});

export type ClassifyResponse = z.infer<typeof ClassifyResponse>;

/** The document the API and `vivier classify --json` both print. */
export function presentClassification(c: BriefClassification): ClassifyResponse {
  return { industry: c.industry, businessFunction: c.businessFunction, archetype: c.archetype };
}
