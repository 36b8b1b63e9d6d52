import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../../../libs/common';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import type { PersonContact } from '../../identity/identity.api';
import { NotificationCategory } from '../domain/categories';
import { DigestGroup } from '../domain/digest';
import { domainOfAddress, messageIdFor } from '../domain/message-id';
import { Notification } from '../entities';
import { renderDigestEmail, renderNotificationEmail } from '../templates/email-template';
import { OutgoingMail } from './outgoing-mail';
import { UnsubscribeLinks } from './unsubscribe-links';

/** Most items one digest lists; the rest are in the app (the e-mail says how many). */
export const DIGEST_MAX_ITEMS = 50;

/** Turns a notification (or a day's digest) and a person into an e-mail. */
@Injectable()
export class EmailComposer {
  private readonly domain: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: UnsubscribeLinks,
    private readonly clock: Clock,
  ) {
    this.domain = domainOfAddress(config.mail.from);
  }

  messageId(eventKey: string, recipientId: string): string {
    return messageIdFor(eventKey, recipientId, 'email', this.domain);
  }

  notification(row: Notification, contact: PersonContact): OutgoingMail {
    const token = this.links.token(contact.id, [row.category]);
    const rendered = renderNotificationEmail({
      locale: contact.locale,
      recipientName: contact.name,
      preferencesUrl: this.url('/notifikasi/pengaturan'),
      category: row.category,
      params: JSON.parse(row.paramsJson),
      url: row.link ? this.url(row.link) : null,
      unsubscribeUrl: this.links.pageUrl(token),
    });
    return this.mail(contact, rendered, this.messageId(row.eventKey, contact.id), token);
  }

  digest(eventKey: string, groups: DigestGroup<Notification>[], contact: PersonContact): OutgoingMail {
    const categories: NotificationCategory[] = groups.map((g) => g.category);
    const token = this.links.token(contact.id, categories);
    let room = DIGEST_MAX_ITEMS;
    const rendered = renderDigestEmail({
      locale: contact.locale,
      recipientName: contact.name,
      preferencesUrl: this.url('/notifikasi/pengaturan'),
      moreUrl: this.url('/notifikasi'),
      groups: groups.map((g) => {
        const shown = g.items.slice(0, Math.max(0, room));
        room -= shown.length;
        return {
          category: g.category,
          unsubscribeUrl: this.links.pageUrl(this.links.token(contact.id, [g.category])),
          items: shown.map((item) => ({
            category: item.category,
            params: JSON.parse(item.paramsJson),
            url: item.link ? this.url(item.link) : null,
          })),
          hidden: g.items.length - shown.length,
        };
      }),
    });
    return this.mail(contact, rendered, this.messageId(eventKey, contact.id), token);
  }

  private mail(
    contact: PersonContact,
    rendered: { subject: string; text: string; html: string },
    messageId: string,
    token: string,
  ): OutgoingMail {
    return {
      recipientId: contact.id,
      to: { name: contact.name, address: contact.email ?? '' },
      ...rendered,
      messageId,
      date: this.clock.now(),
      oneClickUnsubscribeUrl: this.links.oneClickUrl(token),
    };
  }

  private url(path: string): string {
    return `${this.config.publicUrl}${path}`;
  }
}
