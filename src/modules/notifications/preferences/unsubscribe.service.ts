import { Injectable } from '@nestjs/common';
import { DomainException } from '../../../../libs/common';
import { UnsubscribeGrant } from '../domain/unsubscribe-token';
import { UnsubscribeLinks } from '../mail/unsubscribe-links';
import { NotificationsError } from '../notifications.errors';
import { PreferencesService } from './preferences.service';

/** The link in every e-mail: works without signing in, only ever switches e-mail off. */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly links: UnsubscribeLinks,
    private readonly preferences: PreferencesService,
  ) {}

  /** What a link would switch off; an altered or made-up link is a 404. */
  inspect(token: string): UnsubscribeGrant {
    const grant = this.links.verify(token);
    if (!grant) throw new DomainException(NotificationsError.UNSUBSCRIBE_LINK_INVALID, 'Unsubscribe link not valid');
    return grant;
  }

  async unsubscribe(token: string): Promise<UnsubscribeGrant> {
    const grant = this.inspect(token);
    await this.preferences.emailOff(grant.userId, grant.categories);
    return grant;
  }
}
