import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { AccessToken, AuthService } from './auth.service';

/** passport-local: the identifier field is "username" and holds a NIP or an e-mail. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  validate(req: FastifyRequest, username: string, password: string): Promise<AccessToken> {
    return this.auth.login(username, password, req.ip);
  }
}
