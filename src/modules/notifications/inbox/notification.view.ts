import type { Locale } from '../../../../libs/common';
import { NotificationCategory } from '../domain/categories';
import { Notification } from '../entities';
import { notificationText } from '../templates/notification-text';

/** A notification as the list shows it, in the reader's language. */
export interface NotificationView {
  id: string;
  category: NotificationCategory;
  title: string;
  lines: string[];
  action: string;
  link: string | null;
  urgent: boolean;
  createdAt: Date;
  readAt: Date | null;
}

export function toNotificationView(row: Notification, locale: Locale): NotificationView {
  const words = notificationText(row.category, JSON.parse(row.paramsJson) as Record<string, string | number>, locale);
  return {
    id: row.id,
    category: row.category,
    title: words.title,
    lines: words.lines,
    action: words.action,
    link: row.link,
    urgent: row.urgent,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}
