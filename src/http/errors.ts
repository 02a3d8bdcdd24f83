import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDomainError, type DomainErrorCode } from '../core/errors.js';

/** The one table from error codes to HTTP statuses. */
export const STATUS_BY_CODE: Record<DomainErrorCode | 'invalid_json' | 'internal', number> = {
  invalid_input: 400,
  invalid_json: 400,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  unavailable: 503,
  internal: 500,
};

type Code = keyof typeof STATUS_BY_CODE;

const send = (code: Code, message: string) => ({
  status: STATUS_BY_CODE[code],
  body: { error: { code, message } },
});

interface ZodIssueLike {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: (string | number)[]; message?: string } };
}

/** "body.text: Invalid input: expected string, received undefined" — the field first, then the reason. */
function describeValidation(err: FastifyError): string {
  const context = err.validationContext ?? 'request';
  const issues = (err.validation ?? []) as ZodIssueLike[];
  return issues
    .slice(0, 3)
    .map((i) => {
      const path = i.params?.issue?.path ?? (i.instancePath ?? '').split('/').filter(Boolean);
      const field = [context, ...path].join('.');
      return `${field}: ${i.params?.issue?.message ?? i.message ?? 'invalid'}`;
    })
    .join('; ');
}

function toResponse(err: unknown): { status: number; body: { error: { code: string; message: string } } } {
  if (isDomainError(err)) return send(err.code, err.message);
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe) || fe.validation)
    return send('invalid_input', describeValidation(fe));
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(
        'too_large',
        `request body is larger than the limit of ${fe.message.match(/\d+/)?.[0] ?? 'the configured'} bytes (VIVIER_MAX_BODY_BYTES)`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send('unsupported', 'unsupported content type; send application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send('invalid_json', 'body is empty; send a JSON object');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return send('invalid_input', 'Content-Length does not match the body');
  }
  if (fe.statusCode === 400 && (err instanceof SyntaxError || /JSON/i.test(fe.message))) {
    return send('invalid_json', `body is not valid JSON: ${fe.message}`);
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { error: { code: 'invalid_input', message: fe.message } } };
  }
  return send('internal', 'internal error; see the server log');
}

/** Every error leaves as { error: { code, message } }; never a stack trace. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toResponse(err);
    if (status >= 500) req.log.error({ err }, 'request failed');
    void reply.status(status).send(body);
  });
}
