import type { Locale } from '../../../../libs/common';
import type { MessageKey, Translate } from './messages';

/** Text of the notification pages, Bahasa Indonesia first (kept apart from the shell's keys). */
export const NOTIFICATIONS_ID = {
  'notif.bell': 'Notifikasi',
  'notif.bellUnread': 'Notifikasi ({count} baru)',
  'notif.title': 'Notifikasi',
  'notif.empty': 'Belum ada notifikasi.',
  'notif.onlyUnread': 'Hanya yang belum dibaca',
  'notif.all': 'Semua notifikasi',
  'notif.unread': 'Belum dibaca',
  'notif.open': 'Buka',
  'notif.markRead': 'Tandai sudah dibaca',
  'notif.markAll': 'Tandai semua sudah dibaca',
  'notif.allMarked': 'Semua notifikasi ditandai sudah dibaca.',
  'notif.settings': 'Pengaturan notifikasi',
  'prefs.title': 'Pengaturan notifikasi',
  'prefs.intro':
    'Pilih cara Anda menerima setiap jenis pemberitahuan. Yang mendesak dikirim segera lewat e-mail; yang lain dihimpun dalam ringkasan harian pukul {hour}.00 WIB.',
  'prefs.category': 'Jenis pemberitahuan',
  'prefs.inApp': 'Tampilkan di aplikasi',
  'prefs.email': 'E-mail',
  'prefs.urgent': 'mendesak',
  'prefs.email.auto': 'Otomatis (segera bila mendesak, selain itu ringkasan harian)',
  'prefs.email.immediate': 'Segera',
  'prefs.email.digest': 'Ringkasan harian',
  'prefs.email.off': 'Tidak dikirim',
  'prefs.quiet.title': 'Jam tenang',
  'prefs.quiet.intro': 'E-mail segera yang jatuh pada jam tenang dikirim saat jam tenang berakhir. Waktu dalam WIB.',
  'prefs.quiet.enabled': 'Aktifkan jam tenang',
  'prefs.quiet.start': 'Mulai',
  'prefs.quiet.end': 'Selesai',
  'prefs.saved': 'Pengaturan tersimpan.',
  'unsub.title': 'Berhenti menerima e-mail',
  'unsub.confirm': 'Berhenti menerima e-mail tentang hal berikut?',
  'unsub.button': 'Ya, berhenti',
  'unsub.done': 'Selesai. Anda tidak lagi menerima e-mail tentang:',
  'unsub.inApp': 'Notifikasi di aplikasi tetap tampil. Anda dapat mengubahnya kapan saja di pengaturan notifikasi.',
  'failures.title': 'Alamat e-mail yang gagal',
  'failures.intro':
    'Server surat menolak alamat berikut secara permanen, sehingga e-mail tidak lagi dikirim ke sana. Perbaiki alamat orangnya, lalu hapus tandanya.',
  'failures.person': 'Nama',
  'failures.email': 'Alamat',
  'failures.reason': 'Jawaban server',
  'failures.when': 'Sejak',
  'failures.clear': 'Hapus tanda',
  'failures.clearFor': 'Hapus tanda untuk {email}',
  'failures.cleared': 'Tanda dihapus; e-mail akan dikirim lagi ke alamat itu.',
  'failures.empty': 'Tidak ada alamat yang gagal.',
  'mailbox.title': 'Kotak surat pengembangan',
  'mailbox.intro':
    'Server SMTP belum diatur (SMTP_URL), jadi setiap e-mail ditulis sebagai berkas .eml di folder mail-outbox di DATA_DIR. Di sini Anda dapat membacanya.',
  'mailbox.everyone': 'Anda melihat e-mail untuk semua orang (admin nasional).',
  'mailbox.mine': 'Anda melihat e-mail yang dikirim kepada Anda.',
  'mailbox.empty': 'Belum ada e-mail.',
  'mailbox.to': 'Kepada',
  'mailbox.date': 'Waktu',
  'mailbox.html': 'Lihat versi HTML',
  'mailbox.raw': 'Unduh berkas .eml',
  'mailbox.back': 'Kembali ke kotak surat',
} as const;

export type NotificationMessageKey = keyof typeof NOTIFICATIONS_ID;

export const NOTIFICATIONS_EN: Partial<Record<NotificationMessageKey, string>> = {
  'notif.bell': 'Notifications',
  'notif.bellUnread': 'Notifications ({count} new)',
  'notif.title': 'Notifications',
  'notif.empty': 'No notifications yet.',
  'notif.onlyUnread': 'Unread only',
  'notif.all': 'All notifications',
  'notif.unread': 'Unread',
  'notif.open': 'Open',
  'notif.markRead': 'Mark as read',
  'notif.markAll': 'Mark all as read',
  'notif.allMarked': 'All notifications are marked as read.',
  'notif.settings': 'Notification settings',
  'prefs.title': 'Notification settings',
  'prefs.intro':
    'Choose how you receive each kind of notification. Urgent ones are e-mailed at once; the others are gathered in a daily digest at {hour}:00 WIB.',
  'prefs.category': 'Kind of notification',
  'prefs.inApp': 'Show in the app',
  'prefs.email': 'E-mail',
  'prefs.urgent': 'urgent',
  'prefs.email.auto': 'Automatic (at once when urgent, otherwise the daily digest)',
  'prefs.email.immediate': 'At once',
  'prefs.email.digest': 'Daily digest',
  'prefs.email.off': 'Never',
  'prefs.quiet.title': 'Quiet hours',
  'prefs.quiet.intro': 'An e-mail due during your quiet hours is sent when they end. Times are WIB.',
  'prefs.quiet.enabled': 'Use quiet hours',
  'prefs.quiet.start': 'From',
  'prefs.quiet.end': 'Until',
  'prefs.saved': 'Settings saved.',
  'unsub.title': 'Stop e-mails',
  'unsub.confirm': 'Stop e-mails about the following?',
  'unsub.button': 'Yes, stop them',
  'unsub.done': 'Done. You no longer receive e-mails about:',
  'unsub.inApp': 'Notifications in the app still show. You can change this any time in your notification settings.',
  'failures.title': 'Failed e-mail addresses',
  'failures.intro':
    'The mail server refused these addresses for good, so no more e-mail goes to them. Correct the person’s address, then clear the mark.',
  'failures.person': 'Name',
  'failures.email': 'Address',
  'failures.reason': 'Server reply',
  'failures.when': 'Since',
  'failures.clear': 'Clear the mark',
  'failures.clearFor': 'Clear the mark of {email}',
  'failures.cleared': 'Mark cleared; e-mail will go to that address again.',
  'failures.empty': 'No failed addresses.',
  'mailbox.title': 'Development mailbox',
  'mailbox.intro':
    'No SMTP server is configured (SMTP_URL), so every e-mail is written as an .eml file in the mail-outbox folder under DATA_DIR. You can read them here.',
  'mailbox.everyone': 'You see the e-mails of everyone (national admin).',
  'mailbox.mine': 'You see the e-mails sent to you.',
  'mailbox.empty': 'No e-mails yet.',
  'mailbox.to': 'To',
  'mailbox.date': 'Time',
  'mailbox.html': 'See the HTML version',
  'mailbox.raw': 'Download the .eml file',
  'mailbox.back': 'Back to the mailbox',
};

export type NotificationTranslate = (
  key: NotificationMessageKey | MessageKey,
  params?: Record<string, string | number>,
) => string;

/** The pages' translator: these keys first, the shell's (layout, common words) for the rest. */
export function notificationTranslator(locale: Locale, shell: Translate): NotificationTranslate {
  return (key, params = {}) => {
    const own =
      (locale === 'en' ? NOTIFICATIONS_EN[key as NotificationMessageKey] : undefined) ??
      NOTIFICATIONS_ID[key as NotificationMessageKey];
    if (own === undefined) return shell(key as MessageKey, params);
    return own.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}
