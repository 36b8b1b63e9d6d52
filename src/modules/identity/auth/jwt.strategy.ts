import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthUser, JWT_STRATEGY } from '../../../../libs/auth';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { AuthService, TokenClaims } from './auth.service';
import { SESSION_COOKIE } from './session-cookie';

const fromSessionCookie = (req: FastifyRequest): string | null => req.cookies?.[SESSION_COOKIE] ?? null;

/** Accepts `Authorization: Bearer <token>` (API clients) or the session cookie (browser). */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([
        ExtractJwt.fromAuthHeaderAsBearerToken(),
        fromSessionCookie as (req: unknown) => string | null,
      ]),
      secretOrKey: config.auth.jwtSecret,
      algorithms: ['HS256'],
      issuer: 'bina',
      ignoreExpiration: false,
    });
  }

  async validate(claims: TokenClaims): Promise<AuthUser | false> {
    return (await this.auth.userForToken(claims)) ?? false;
  }
}
