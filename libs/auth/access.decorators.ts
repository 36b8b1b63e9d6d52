import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthUser, Role } from './roles';

export const ACCESS_RULE = Symbol('ACCESS_RULE');

export type AccessRule = { public: true } | { public: false; roles: readonly Role[] | 'any' };

/**
 * Every route says who may call it, with exactly one of these. A route with none is
 * refused at runtime and fails the route-access test.
 */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);
export const Authenticated = () => SetMetadata(ACCESS_RULE, { public: false, roles: 'any' } satisfies AccessRule);
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { public: false, roles } satisfies AccessRule);

export type RequestWithUser = FastifyRequest & { user?: AuthUser | null };

/** The signed-in caller (guaranteed on non-public routes). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | null => {
  return ctx.switchToHttp().getRequest<RequestWithUser>().user ?? null;
});
