import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { NotificationCategory } from '../domain/categories';
import { signUnsubscribe, unsubscribeKey, UnsubscribeGrant, verifyUnsubscribe } from '../domain/unsubscribe-token';

/** The links in every e-mail that switch a category off without signing in. */
@Injectable()
export class UnsubscribeLinks {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = unsubscribeKey(config.auth.jwtSecret);
  }

  token(userId: string, categories: NotificationCategory[]): string {
    return signUnsubscribe({ userId, categories }, this.key);
  }

  /** The page a person opens from the e-mail body (GET asks, POST confirms). */
  pageUrl(token: string): string {
    return `${this.config.publicUrl}/notifikasi/berhenti/${token}`;
  }

  /** RFC 8058 one-click: the mail client POSTs here, without cookies (hence under /api, outside CSRF). */
  oneClickUrl(token: string): string {
    return `${this.config.publicUrl}/api/notifications/unsubscribe/${token}`;
  }

  verify(token: string): UnsubscribeGrant | null {
    return verifyUnsubscribe(token, this.key);
  }
}
