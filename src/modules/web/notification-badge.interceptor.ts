import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import { RequestWithUser } from '../../../libs/auth';
import { localeOf } from '../../../libs/common';
import { InboxService } from '../notifications/inbox/inbox.service';
import { notificationTranslator } from './i18n/notifications.messages';
import { translator } from './i18n/messages';

/**
 * Puts the unread count in the header of every page a signed-in person loads (the layout
 * reads `it.notificationBell` from reply.locals, which the view plugin merges into every
 * template). One count over the (recipient, read_at) index; API calls, images and
 * downloads are left alone.
 */
@Injectable()
export class NotificationBadgeInterceptor implements NestInterceptor {
  constructor(private readonly inbox: InboxService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<RequestWithUser>();
    const user = req.user;
    if (!user || req.method !== 'GET' || req.url.startsWith('/api/') || !wantsPage(req.headers.accept)) {
      return next.handle();
    }
    const reply = context.switchToHttp().getResponse<FastifyReply & { locals?: Record<string, unknown> }>();
    return from(this.inbox.unreadCount(user.id)).pipe(
      switchMap((unread) => {
        const locale = localeOf(req.cookies);
        const t = notificationTranslator(locale, translator(locale));
        reply.locals = {
          ...(reply.locals ?? {}),
          notificationBell: {
            unread,
            // Says the count in words on screen, so that no separate label for screen readers is needed.
            text: unread > 0 ? t('notif.bellUnread', { count: unread }) : t('notif.bell'),
          },
        };
        return next.handle();
      }),
    );
  }
}

/** A browser navigating asks for text/html first; an <img> asks for image/*, fetch() for anything. */
function wantsPage(accept: string | undefined): boolean {
  return !accept || accept.startsWith('text/html');
}
