import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommonError, DomainException, ErrorCode } from './domain-exception';
import { ErrorBody, STATUS_BY_KIND } from './error-status';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: CommonError.VALIDATION_FAILED,
  401: CommonError.UNAUTHENTICATED,
  403: CommonError.FORBIDDEN,
  404: CommonError.NOT_FOUND,
  413: CommonError.PAYLOAD_TOO_LARGE,
  415: CommonError.UNSUPPORTED_MEDIA_TYPE,
  429: CommonError.RATE_LIMITED,
};

/** Turns any thrown value into the one error shape. Internals never reach the client. */
export function toErrorBody(
  exception: unknown,
  requestId: string,
): { body: ErrorBody; headers?: Record<string, string> } {
  if (exception instanceof DomainException) {
    const statusCode = STATUS_BY_KIND[exception.error.kind];
    return {
      body: { statusCode, code: exception.code, message: exception.message, details: exception.details, requestId },
      headers: exception.headers,
    };
  }
  if (fastifyCode(exception).startsWith('FST_CSRF')) {
    return {
      body: {
        statusCode: 403,
        code: CommonError.CSRF_INVALID.code,
        message: 'Missing or invalid CSRF token',
        requestId,
      },
    };
  }
  const status = statusOf(exception);
  const known = status !== undefined ? CODE_BY_STATUS[status] : undefined;
  if (status !== undefined && known) {
    return { body: { statusCode: status, code: known.code, message: clientMessage(exception, status), requestId } };
  }
  return {
    body: { statusCode: 500, code: CommonError.INTERNAL.code, message: 'Internal error', requestId },
  };
}

/** Fastify errors arrive wrapped by Nest in an HttpException whose cause is the original. */
function fastifyCode(exception: unknown): string {
  const cause = exception instanceof HttpException ? exception.cause : exception;
  return String((cause as { code?: unknown } | null)?.code ?? '');
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function clientMessage(exception: unknown, status: number): string {
  if (status === 404) return 'Not found';
  if (status === 401) return 'Sign-in required';
  if (status === 403) return 'Not allowed';
  const message = exception instanceof Error ? exception.message : String(exception);
  return message.slice(0, 300);
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { body, headers } = toErrorBody(exception, String(request.id));
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    }
    if (headers) void reply.headers(headers);
    void reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }
}
