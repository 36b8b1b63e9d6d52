import { NOTIFICATION_CATEGORIES, NotificationCategory } from './categories';

export interface DigestItem {
  id: string;
  category: NotificationCategory;
  createdAt: Date;
}

export interface DigestGroup<T extends DigestItem> {
  category: NotificationCategory;
  items: T[];
}

/**
 * A day's items for one e-mail: grouped by category (in the fixed category order, so
 * the digest reads the same every day), oldest first inside a group.
 */
export function groupForDigest<T extends DigestItem>(items: T[]): DigestGroup<T>[] {
  return NOTIFICATION_CATEGORIES.map((category) => ({
    category,
    items: items
      .filter((i) => i.category === category)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id)),
  })).filter((g) => g.items.length > 0);
}

/** The categories of a digest, for its unsubscribe link. */
export function digestCategories(groups: Array<{ category: NotificationCategory }>): NotificationCategory[] {
  return groups.map((g) => g.category);
}
