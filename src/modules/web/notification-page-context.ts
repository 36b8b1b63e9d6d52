import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser } from '../../../libs/auth';
import { categoryName, NotificationCategory } from '../notifications/notifications.api';
import { formatters } from './format';
import { notificationTranslator } from './i18n/notifications.messages';
import { pageContext } from './page-context';

/** The page context of the notification pages: their own words, dates, and category names. */
export function notificationPageContext(req: FastifyRequest, reply: FastifyReply, user: AuthUser | null) {
  const ctx = pageContext(req, reply, user);
  return {
    ...ctx,
    t: notificationTranslator(ctx.locale, ctx.t),
    fmt: {
      ...formatters(ctx.locale),
      dateTime: (value: Date | string) =>
        new Intl.DateTimeFormat(ctx.locale === 'en' ? 'en-GB' : 'id-ID', {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'Asia/Jakarta',
        }).format(new Date(value)) + ' WIB',
    },
    categoryName: (category: NotificationCategory) => categoryName(category, ctx.locale),
  };
}

export type NotificationPageContext = ReturnType<typeof notificationPageContext>;
