import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../libs/config';
import { requestIdFor } from '../libs/common';

/**
 * Structured logs with the request id on every line. URLs are logged without their
 * query string and headers are not logged at all, so no NIP, password, token or
 * cookie ends up in a log line; fields that might carry them are redacted besides.
 */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? requestIdFor(req),
      redact: {
        paths: ['*.password', '*.passwordHash', '*.nip', '*.accessToken', '*.token', '*.authorization', '*.cookie'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: IncomingMessage & { id?: string }) => ({
          id: req.id,
          method: req.method,
          path: (req.url ?? '').split('?')[0],
        }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/assets/') || req.url === '/health' },
    },
  };
}
