import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoggerService } from '@nestjs/common';
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

/** Nest's own messages (start-up, errors caught by filters) written through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Pino) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, ...rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    this.write('error', message, context);
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    context?: string,
  ): void {
    if (message instanceof Error) this.root[level]({ context, err: message }, message.message);
    else if (message && typeof message === 'object') this.root[level]({ context, ...(message as object) });
    else this.root[level]({ context }, String(message));
  }
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
