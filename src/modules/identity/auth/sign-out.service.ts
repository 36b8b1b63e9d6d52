import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock } from '../../../../libs/common';
import { forUpdateOn, TransactionRunner } from '../../../../libs/database';
import { parseSignedOut, withSignedOut } from '../domain/signed-out-tokens';
import { User } from '../entities';
import { TokenClaims } from './auth.service';

/** Ends one session: the token signed out of is refused from now on, wherever a copy of it is. */
@Injectable()
export class SignOutService {
  constructor(
    private readonly jwt: JwtService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * The person's other sessions (a phone, another browser) go on. A token that does not
   * verify (expired, forged, from before tokens carried their issue time) has nothing to end.
   */
  async signOut(token: string | null): Promise<void> {
    const claims = this.verified(token);
    if (claims?.at === undefined || claims.exp === undefined) return;
    const { sub, at, exp } = claims;
    await this.tx.run(async (m) => {
      // Locked: two devices signing out at once each add their token.
      const user = await m.findOne(User, {
        select: { id: true, signedOutTokens: true, sessionsValidFrom: true },
        where: { id: sub },
        ...forUpdateOn(m),
      });
      if (!user) return;
      const now = this.clock.now().getTime();
      const { list, validFromMs } = withSignedOut(parseSignedOut(user.signedOutTokens), at, exp * 1000, now);
      const changes: Partial<User> = { signedOutTokens: JSON.stringify(list) };
      if (validFromMs !== null && validFromMs > (user.sessionsValidFrom?.getTime() ?? 0)) {
        changes.sessionsValidFrom = new Date(validFromMs);
      }
      await m.update(User, { id: user.id }, changes);
    });
  }

  private verified(token: string | null): (TokenClaims & { exp?: number }) | null {
    if (!token) return null;
    try {
      return this.jwt.verify<TokenClaims & { exp?: number }>(token);
    } catch {
      return null;
    }
  }
}
