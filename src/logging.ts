import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Params } from 'nestjs-pino';
import pino, { Logger as Pino } from 'pino';
import type { AppConfig } from '../libs/config';

/**
 * One pino logger for the whole process: Nest's own messages and one line per HTTP
 * request, each carrying the request id. Request lines hold the path without its
 * query string and no headers or bodies, so no NIP, password, token or cookie ends up
 * in a log line; fields that might carry them elsewhere are redacted besides.
 */
export function createRootLogger(config: AppConfig, stream?: NodeJS.WritableStream): Pino {
  const options = {
    level: config.logLevel,
    redact: {
      paths: ['*.password', '*.passwordHash', '*.nip', '*.accessToken', '*.token', '*.authorization', '*.cookie'],
      censor: '[redacted]',
    },
  };
  return stream ? pino(options, stream as pino.DestinationStream) : pino(options);
}

export function loggerParams(root: Pino): Params {
  // Request lines come from the Fastify hook below, so pino-http only lends Nest the logger.
  return { pinoHttp: { logger: root, autoLogging: false }, forRoutes: [] };
}

export function logRequest(root: Pino, req: FastifyRequest, reply: FastifyReply): void {
  if (req.url.startsWith('/assets/') || req.url === '/health') return;
  const status = reply.statusCode;
  const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
  root[level](
    {
      reqId: req.id,
      req: { method: req.method, path: req.url.split('?')[0] },
      res: { statusCode: status },
      responseTimeMs: Math.round(reply.elapsedTime),
    },
    'request completed',
  );
}
