import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthUser, JWT_STRATEGY } from '../../../../libs/auth';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { AuthService, TokenClaims } from './auth.service';
import { SESSION_COOKIE } from './session-cookie';

const fromSessionCookie = (req: FastifyRequest): string | null => req.cookies?.[SESSION_COOKIE] ?? null;

/** The token a request is signed in with: `Authorization: Bearer` first, else the session cookie. */
export const tokenOf: (req: FastifyRequest) => string | null = ExtractJwt.fromExtractors([
  ExtractJwt.fromAuthHeaderAsBearerToken(),
  fromSessionCookie as (req: unknown) => string | null,
]);

/** Accepts `Authorization: Bearer <token>` (API clients) or the session cookie (browser). */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: tokenOf,
      // A KeyObject, not a string: jsonwebtoken otherwise tries to parse the secret as a
      // PEM key on every request, which cost about 15% of an authenticated request.
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')) as unknown as string,
      algorithms: ['HS256'],
      issuer: 'bina',
      ignoreExpiration: false,
    });
  }

  async validate(claims: TokenClaims): Promise<AuthUser | false> {
    return (await this.auth.userForToken(claims)) ?? false;
  }
}
