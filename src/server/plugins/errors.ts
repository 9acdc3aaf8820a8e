import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors.ts';

const PROBLEM = 'application/problem+json';

function problem(status: number, code: string, title: string, detail?: string, errors: FieldError[] = []) {
  return { type: `https://constellation.dev/problems/${code}`, title, status, detail, code, errors };
}

/** One error handler: every failure is answered as application/problem+json. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply
        .code(err.status)
        .type(PROBLEM)
        .send(problem(err.status, err.code, err.title, err.detail, err.errors));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => {
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { path: field || err.validationContext || 'body', message: v.message ?? 'is not valid' };
      });
      const names = [...new Set(errors.map((e) => e.path))].join(', ');
      return reply
        .code(400)
        .type(PROBLEM)
        .send(problem(400, 'validation_failed', 'The request is not valid', `Check these fields: ${names}.`, errors));
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      req.log.error({ err }, 'unhandled error');
      return reply.code(500).type(PROBLEM).send(problem(500, 'internal', 'Something went wrong on our side'));
    }
    const code = status === 429 ? 'rate_limited' : (err.code ?? 'bad_request').toLowerCase();
    return reply.code(status).type(PROBLEM).send(problem(status, code, err.message, err.message));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).type(PROBLEM).send(problem(404, 'not_found', 'Not found', `Nothing at ${req.method} ${req.url}.`));
  });
}
