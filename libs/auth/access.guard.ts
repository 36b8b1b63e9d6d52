import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { CommonError, DomainException } from '../common/errors';
import { ACCESS_RULE, AccessRule, RequestWithUser } from './access.decorators';
import { AuthUser } from './roles';

/** Name of the passport strategy that turns a bearer token or session cookie into an AuthUser. */
export const JWT_STRATEGY = 'jwt';

/**
 * The global guard: deny by default. Public routes still learn who the caller is when
 * a valid token comes along (pages greet a signed-in person); private routes need one,
 * and role-restricted routes need the right role.
 */
@Injectable()
export class AccessGuard extends AuthGuard(JWT_STRATEGY) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      throw new DomainException(CommonError.FORBIDDEN, 'This route declares no access rule');
    }
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    if (rule.public) {
      await this.authenticate(context).catch(() => undefined);
      return true;
    }
    await this.authenticate(context);
    const user = request.user;
    if (!user) throw new DomainException(CommonError.UNAUTHENTICATED, 'Sign-in required');
    if (rule.roles !== 'any' && !rule.roles.includes(user.role)) {
      throw new DomainException(CommonError.FORBIDDEN, 'Your role may not do this');
    }
    return true;
  }

  private async authenticate(context: ExecutionContext): Promise<void> {
    await (super.canActivate(context) as Promise<boolean>);
  }

  override handleRequest<T = AuthUser>(err: unknown, user: T | false): T {
    if (err || !user) throw new DomainException(CommonError.UNAUTHENTICATED, 'Sign-in required');
    return user;
  }
}
