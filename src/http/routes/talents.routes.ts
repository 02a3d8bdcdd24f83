import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ErrorResponse, IdParams } from '../../contract/schemas.js';
import {
  ImportBody,
  ImportQuery,
  ImportSummaryOut,
  TalentOut,
  TalentQuery,
  TalentsQuery,
  TalentsResponse,
} from '../../contract/talents.schemas.js';
import { DomainError } from '../../core/errors.js';
import type { Talent } from '../../core/model.js';
import type { Context } from '../../main/create-context.js';
import { textSource } from '../../services/import-readers.js';

/** Raw bodies accepted by the import route, and the format each content type means. */
const RAW_TYPES: Record<string, 'csv' | 'jsonl'> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
};

/** Contact details are shown only on request — a placeholder until roles decide who may see them. */
function withoutContact<T extends { email: string | null; phone: string | null }>(t: T, contact: boolean) {
  if (contact) return t;
  const { email: _e, phone: _p, ...rest } = t;
  return rest;
}

const ImportRejected = ErrorResponse.extend({ summary: ImportSummaryOut });

export const talentsRoutes = (ctx: Context): FastifyPluginAsyncZod =>
  async function (app) {
    app.addContentTypeParser(Object.keys(RAW_TYPES), { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );

    app.post(
      '/api/talents/import',
      {
        schema: {
          tags: ['talents'],
          description:
            'Imports talents: a JSON body { format, content }, or the raw file with Content-Type text/csv or application/x-ndjson. Same rules as `vivier import talents`: all-or-nothing, re-importing changes nothing, rejects name the line and field (400 with the summary when any, unless skipInvalid=true).',
          querystring: ImportQuery,
          body: ImportBody,
          response: { 200: ImportSummaryOut, 400: ImportRejected.or(ErrorResponse), 413: ErrorResponse },
        },
      },
      async (req, reply) => {
        const { dryRun, skipInvalid, source, name } = req.query;
        let format = req.query.format;
        let content: string;
        if (typeof req.body === 'string') {
          const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
          format ??= RAW_TYPES[type];
          content = req.body;
        } else {
          format ??= req.body.format;
          content = req.body.content;
        }
        if (!format)
          throw new DomainError('invalid_input', 'querystring.format: required with this content type');
        const summary = await ctx.services.imports.import(textSource(name, content), {
          kind: 'talents',
          format,
          dryRun,
          skipInvalid,
          source,
          actor: 'api',
        });
        if (summary.rejected > 0 && !skipInvalid)
          return reply.status(400).send({
            error: {
              code: 'invalid_input',
              message: `${summary.rejected} rejected record(s); nothing imported (skipInvalid=true imports the valid ones)`,
            },
            summary,
          });
        return summary;
      },
    );

    app.get(
      '/api/talents',
      {
        schema: {
          tags: ['talents'],
          querystring: TalentsQuery,
          response: { 200: TalentsResponse, 400: ErrorResponse },
        },
      },
      async (req) => {
        const { limit, offset, contact } = req.query;
        const { total, talents } = await ctx.services.talents.page(offset, limit);
        return {
          total,
          limit,
          offset,
          talents: talents.map((t: Talent) =>
            withoutContact(
              {
                id: t.id,
                externalId: t.externalId,
                source: t.source,
                name: t.name,
                headline: t.headline,
                location: t.location,
                dailyCost: t.dailyCost,
                skillCount: t.skills.length,
                email: t.email,
                phone: t.phone,
              },
              contact,
            ),
          ),
        };
      },
    );

    app.get(
      '/api/talents/:id',
      {
        schema: {
          tags: ['talents'],
          params: IdParams,
          querystring: TalentQuery,
          response: { 200: TalentOut, 404: ErrorResponse },
        },
      },
      async (req) =>
        withoutContact(await ctx.services.talents.get(req.params.id), req.query.contact) as z.infer<
          typeof TalentOut
        >,
    );
  };
