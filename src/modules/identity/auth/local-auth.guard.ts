import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { flattenValidationErrors, validationFailed } from '../../../../libs/common';
import { LoginDto } from '../dto/login.dto';

/**
 * Runs passport-local on the sign-in route. The body is validated first (guards run
 * before pipes), and the strategy's own errors (wrong password 401, too many tries
 * 429) pass through unchanged.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const dto = plainToInstance(LoginDto, request.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    const problems = flattenValidationErrors(errors);
    if (problems.length > 0) throw validationFailed(problems);
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(err: unknown, user: T | false): T {
    if (err) throw err;
    return user as T;
  }
}
