import type { Locale } from '../../../../libs/common';
import { NotificationCategory } from '../domain/categories';
import { chrome } from './chrome';
import { categoryName, notificationText } from './notification-text';
import { escapeHtml, Params } from './text-kit';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailFrame {
  locale: Locale;
  recipientName: string;
  /** Absolute URL of the preferences page. */
  preferencesUrl: string;
}

export interface NotificationEmailInput extends EmailFrame {
  category: NotificationCategory;
  params: Params;
  /** Absolute URL of the thing the notification is about, if any. */
  url: string | null;
  unsubscribeUrl: string;
}

export interface DigestEmailInput extends EmailFrame {
  groups: Array<{
    category: NotificationCategory;
    unsubscribeUrl: string;
    items: Array<{ category: NotificationCategory; params: Params; url: string | null }>;
    /** Items of the group left out of the e-mail (too many for one message). */
    hidden?: number;
  }>;
  /** Where the rest can be read (the in-app list). */
  moreUrl: string;
}

/** One notification as an e-mail: the same words as in the app, HTML-escaped in the HTML part. */
export function renderNotificationEmail(input: NotificationEmailInput): RenderedEmail {
  const { locale } = input;
  const words = notificationText(input.category, input.params, locale);
  const unsubscribe = chrome(locale, 'unsubscribe', { category: categoryName(input.category, locale) });
  const text = [
    chrome(locale, 'greeting', { name: input.recipientName }),
    '',
    words.title,
    '',
    ...words.lines,
    ...(input.url ? ['', `${words.action}: ${input.url}`] : []),
    ...footerText(input, [[unsubscribe, input.unsubscribeUrl]]),
  ].join('\n');
  const html = page(locale, words.title, [
    `<p>${escapeHtml(chrome(locale, 'greeting', { name: input.recipientName }))}</p>`,
    `<h1 style="font-size:20px">${escapeHtml(words.title)}</h1>`,
    ...words.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    input.url ? `<p>${button(input.url, words.action)}</p>` : '',
    footerHtml(input, [[unsubscribe, input.unsubscribeUrl]]),
  ]);
  return { subject: words.title, text, html };
}

/** The day's notifications in one e-mail, grouped by category, each group with its own unsubscribe link. */
export function renderDigestEmail(input: DigestEmailInput): RenderedEmail {
  const { locale } = input;
  const hidden = input.groups.reduce((n, g) => n + (g.hidden ?? 0), 0);
  const count = input.groups.reduce((n, g) => n + g.items.length, 0) + hidden;
  const more = hidden > 0 ? chrome(locale, 'more', { count: hidden }) : null;
  const subject = chrome(locale, 'digestSubject', { count });
  const links: Array<[string, string]> = input.groups.map((g) => [
    chrome(locale, 'unsubscribe', { category: categoryName(g.category, locale) }),
    g.unsubscribeUrl,
  ]);
  const textGroups = input.groups.flatMap((g) => [
    '',
    `== ${categoryName(g.category, locale)} ==`,
    ...g.items.map((item) => {
      const words = notificationText(item.category, item.params, locale);
      return `- ${words.title}${item.url ? `\n  ${item.url}` : ''}`;
    }),
  ]);
  const htmlGroups = input.groups.map((g) => {
    const items = g.items.map((item) => {
      const words = notificationText(item.category, item.params, locale);
      const link = item.url ? ` — <a href="${escapeHtml(item.url)}">${escapeHtml(chrome(locale, 'open'))}</a>` : '';
      return `<li>${escapeHtml(words.title)}${link}</li>`;
    });
    return `<h2 style="font-size:16px">${escapeHtml(categoryName(g.category, locale))}</h2><ul>${items.join('')}</ul>`;
  });
  const text = [
    chrome(locale, 'greeting', { name: input.recipientName }),
    '',
    chrome(locale, 'digestIntro'),
    ...textGroups,
    ...(more ? ['', `${more} ${input.moreUrl}`] : []),
    ...footerText(input, links),
  ].join('\n');
  const html = page(locale, subject, [
    `<p>${escapeHtml(chrome(locale, 'greeting', { name: input.recipientName }))}</p>`,
    `<p>${escapeHtml(chrome(locale, 'digestIntro'))}</p>`,
    ...htmlGroups,
    more ? `<p><a href="${escapeHtml(input.moreUrl)}">${escapeHtml(more)}</a></p>` : '',
    footerHtml(input, links),
  ]);
  return { subject, text, html };
}

function footerText(frame: EmailFrame, unsubscribe: Array<[string, string]>): string[] {
  return [
    '',
    '--',
    chrome(frame.locale, 'why'),
    ...unsubscribe.map(([label, url]) => `${label}: ${url}`),
    `${chrome(frame.locale, 'preferences')}: ${frame.preferencesUrl}`,
  ];
}

function footerHtml(frame: EmailFrame, unsubscribe: Array<[string, string]>): string {
  const links = [...unsubscribe, [chrome(frame.locale, 'preferences'), frame.preferencesUrl]]
    .map(([label, url]) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`)
    .join(' · ');
  return `<hr><p style="font-size:12px;color:#555">${escapeHtml(chrome(frame.locale, 'why'))}<br>${links}</p>`;
}

function button(url: string, label: string): string {
  return `<a href="${escapeHtml(url)}" style="display:inline-block;padding:8px 16px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(label)}</a>`;
}

function page(locale: Locale, title: string, parts: string[]): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a;max-width:600px">${parts.join('\n')}</body></html>`;
}
