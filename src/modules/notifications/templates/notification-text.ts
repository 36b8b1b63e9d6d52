import type { Locale } from '../../../../libs/common';
import { NotificationCategory } from '../domain/categories';
import { NotificationText, Params, paramReader } from './text-kit';
import { CATEGORY_NAMES_EN, TEXTS_EN } from './texts.en';
import { CATEGORY_NAMES_ID, TEXTS_ID } from './texts.id';

/** The words of one notification in a language (the same for the in-app list and e-mail). */
export function notificationText(category: NotificationCategory, params: Params, locale: Locale): NotificationText {
  const templates = locale === 'en' ? TEXTS_EN : TEXTS_ID;
  return templates[category](paramReader(params, locale));
}

export function categoryName(category: NotificationCategory, locale: Locale): string {
  return (locale === 'en' ? CATEGORY_NAMES_EN : CATEGORY_NAMES_ID)[category];
}
