import type { Locale } from '../../../../libs/common';

/** The words around every e-mail (greeting, footer, digest heading), per language. */
export const CHROME: Record<Locale, Record<string, string>> = {
  id: {
    greeting: 'Yth. {name},',
    why: 'Anda menerima e-mail ini dari Bina, platform pengembangan kompetensi ASN.',
    unsubscribe: 'Berhenti menerima e-mail "{category}"',
    preferences: 'Atur notifikasi',
    digestSubject: 'Ringkasan harian Bina: {count} pemberitahuan',
    digestIntro: 'Berikut pemberitahuan Anda sejak ringkasan terakhir.',
    open: 'Buka',
    more: 'Dan {count} pemberitahuan lain di Bina.',
  },
  en: {
    greeting: 'Dear {name},',
    why: 'You receive this e-mail from Bina, the competency development platform for civil servants.',
    unsubscribe: 'Stop e-mails about "{category}"',
    preferences: 'Notification settings',
    digestSubject: 'Your Bina daily digest: {count} notifications',
    digestIntro: 'Here are your notifications since the last digest.',
    open: 'Open',
    more: 'And {count} more notifications in Bina.',
  },
};

export function chrome(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const text = CHROME[locale][key] ?? CHROME.id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
