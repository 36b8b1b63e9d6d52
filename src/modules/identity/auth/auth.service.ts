import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuthUser } from '../../../../libs/auth';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { Clock, DomainException, MicroBatch } from '../../../../libs/common';
import { RateLimiterService, rateKey } from '../../../../libs/rate-limit';
import { isSignedOut } from '../domain/signed-out-tokens';
import { User } from '../entities';
import { IdentityError } from '../identity.errors';
import { PasswordHasher } from './password-hasher';

export interface AccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: AuthUser & { name: string };
}

export interface TokenClaims {
  sub: string;
  /** Issued at, in milliseconds by the app's clock: sessions_valid_from is compared with it. */
  at?: number;
}

/** Signs people in: NIP (with or without spaces) or e-mail, plus password, rate-limited per IP and per account. */
@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly limiter: RateLimiterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async login(identifier: string, password: string, ip: string): Promise<AccessToken> {
    const account = normaliseIdentifier(identifier);
    const { maxAttemptsPerIp, maxFailuresPerAccount, windowSeconds } = this.config.login;
    const windowMs = windowSeconds * 1000;
    const message = 'Too many sign-in attempts; try again later';
    const user = await this.findByIdentifier(account);
    const ipKey = rateKey('login-ip', ip);
    // Per person, whichever of their NIP or e-mail is typed (per identifier when no one has it).
    const accountKey = user ? personRateKey(user.id) : rateKey('login-account', account);

    await this.limiter.assertNotBlocked([ipKey, accountKey], message);
    const ipRule = { limit: maxAttemptsPerIp, windowMs };
    await this.limiter.consume(ipKey, ipRule, message);
    // The attempt counts as a failure before the password is checked, so that parallel guesses
    // each use up one of the window's attempts; a right password clears the count again.
    // Failures count for a window only: an attacker can slow a person down, never lock them out for good.
    await this.limiter.consume(accountKey, { limit: maxFailuresPerAccount, windowMs }, message);
    const ok = await this.hasher.verify(user?.active ? user.passwordHash : null, password);
    if (!user || !ok) throw new DomainException(IdentityError.INVALID_CREDENTIALS, 'NIP/e-mail or password is wrong');
    await this.limiter.reset(accountKey);
    // Only wrong guesses count against the address: many people sign in from one office NAT.
    await this.limiter.giveBack(ipKey, ipRule);
    return this.issue(user);
  }

  issue(user: User): AccessToken {
    const claims: TokenClaims = { sub: user.id, at: this.clock.now().getTime() };
    const accessToken = this.jwt.sign(claims, { expiresIn: this.config.auth.jwtTtlSeconds });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.auth.jwtTtlSeconds,
      user: { ...toAuthUser(user), name: user.name },
    };
  }

  /**
   * Loads the caller on every request, so a deactivated account or a changed role takes
   * effect at once. The requests read from the network in one turn of the event loop are
   * looked up with one query (under an exam burst, one per dozens of requests; alone, at once).
   */
  async userForToken(claims: TokenClaims): Promise<AuthUser | null> {
    return this.callers.add(claims);
  }

  private readonly callers = new MicroBatch<TokenClaims, AuthUser | null>(
    async (claims) => {
      const found = await this.users.find({
        select: {
          id: true,
          role: true,
          scopeRegionCode: true,
          locale: true,
          active: true,
          sessionsValidFrom: true,
          signedOutTokens: true,
        },
        where: { id: In([...new Set(claims.map((c) => c.sub))]) },
      });
      const byId = new Map(found.map((u) => [u.id, u]));
      return claims.map(({ sub, at }) => {
        const user = byId.get(sub);
        const counts =
          user?.active && issuedInTime(at, user.sessionsValidFrom) && !isSignedOut(user.signedOutTokens, at);
        return counts ? toAuthUser(user) : null;
      });
    },
    { maxSize: 100, windowMs: 0 },
  );

  private findByIdentifier(account: string): Promise<User | null> {
    return /^\d{18}$/.test(account) ? this.users.findOneBy({ nip: account }) : this.users.findOneBy({ email: account });
  }
}

/**
 * Was a token issued while its person's sessions count? A token without its issue time
 * (made before tokens carried one) counts until sessions are ended the first time.
 */
export function issuedInTime(issuedAtMs: number | undefined, validFrom: Date | null): boolean {
  if (!validFrom) return true;
  return issuedAtMs !== undefined && issuedAtMs >= validFrom.getTime();
}

export function normaliseIdentifier(identifier: string): string {
  const trimmed = identifier.trim().toLowerCase();
  const compact = trimmed.replace(/ +/g, '');
  return /^\d{18}$/.test(compact) ? compact : trimmed;
}

/** The count of one person's password guesses, shared by sign-in and password change. */
export function personRateKey(userId: string): string {
  return rateKey('login-account', `user:${userId}`);
}

export function toAuthUser(user: User): AuthUser {
  return { id: user.id, role: user.role, scopeRegionCode: user.scopeRegionCode, locale: user.locale };
}
