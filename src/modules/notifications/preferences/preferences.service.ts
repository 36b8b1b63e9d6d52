import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Clock, DomainException } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import {
  CategoryPreference,
  EmailMode,
  InAppMode,
  NotificationCategory,
  StoredPreference,
  URGENT_BY_DEFAULT,
  withDefaults,
} from '../domain/categories';
import { DEFAULT_QUIET_HOURS, QuietHours } from '../domain/quiet-hours';
import { formatClock, parseClock } from '../domain/wib';
import { UpdatePreferencesDto } from '../dto/preferences.dto';
import { NotificationPreference, NotificationSetting } from '../entities';
import { NotificationsError } from '../notifications.errors';

export interface PreferencesView {
  categories: Array<CategoryPreference & { urgentByDefault: boolean }>;
  /** WIB clock times; null when the person wants none. */
  quietHours: { start: string; end: string } | null;
}

/** What delivery needs to know about one person. */
export interface DeliveryPreferences {
  emailMode(category: NotificationCategory): EmailMode;
  quietHours: QuietHours | null;
}

@Injectable()
export class PreferencesService {
  constructor(
    @InjectRepository(NotificationPreference) private readonly preferences: Repository<NotificationPreference>,
    @InjectRepository(NotificationSetting) private readonly settings: Repository<NotificationSetting>,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async get(userId: string): Promise<PreferencesView> {
    const [categories, quiet] = await Promise.all([this.categoriesOf(userId), this.quietHoursOf([userId])]);
    const q = quiet.get(userId) ?? null;
    return {
      categories: categories.map((c) => ({ ...c, urgentByDefault: URGENT_BY_DEFAULT[c.category] })),
      quietHours: q ? { start: formatClock(q.start), end: formatClock(q.end) } : null,
    };
  }

  async update(userId: string, dto: UpdatePreferencesDto): Promise<PreferencesView> {
    const now = this.clock.now();
    const rows = (dto.categories ?? []).flatMap((c) => [
      ...(c.inApp ? [{ userId, category: c.category, channel: 'in_app', mode: c.inApp, updatedAt: now }] : []),
      ...(c.email ? [{ userId, category: c.category, channel: 'email', mode: c.email, updatedAt: now }] : []),
    ]);
    const quiet = dto.quietHours === undefined ? undefined : toQuietHours(dto.quietHours);
    await this.tx.run(async (m) => {
      if (rows.length) await this.upsertPreferences(m.getRepository(NotificationPreference), rows);
      if (quiet !== undefined) {
        await m
          .createQueryBuilder()
          .insert()
          .into(NotificationSetting)
          .values({ userId, quietStart: quiet?.start ?? null, quietEnd: quiet?.end ?? null, updatedAt: now })
          .orUpdate(['quiet_start', 'quiet_end', 'updated_at'], ['user_id'])
          .updateEntity(false)
          .execute();
      }
    });
    return this.get(userId);
  }

  /** Switches e-mail off for some categories (an unsubscribe link). */
  async emailOff(userId: string, categories: NotificationCategory[]): Promise<void> {
    const now = this.clock.now();
    const rows = categories.map((category) => ({ userId, category, channel: 'email', mode: 'off', updatedAt: now }));
    await this.tx.run((m) => this.upsertPreferences(m.getRepository(NotificationPreference), rows));
  }

  async forDelivery(userId: string): Promise<DeliveryPreferences> {
    const [categories, quiet] = await Promise.all([this.categoriesOf(userId), this.quietHoursOf([userId])]);
    const byCategory = new Map(categories.map((c) => [c.category, c.email]));
    return { emailMode: (category) => byCategory.get(category) ?? 'auto', quietHours: quiet.get(userId) ?? null };
  }

  /** Quiet hours of several people: the default for those who never chose, none for those who turned them off. */
  async quietHoursOf(userIds: string[]): Promise<Map<string, QuietHours | null>> {
    const rows = userIds.length ? await this.settings.findBy({ userId: In(userIds) }) : [];
    const chosen = new Map(rows.map((r) => [r.userId, r]));
    return new Map(
      userIds.map((id) => {
        const row = chosen.get(id);
        if (!row) return [id, DEFAULT_QUIET_HOURS];
        return [
          id,
          row.quietStart === null || row.quietEnd === null ? null : { start: row.quietStart, end: row.quietEnd },
        ];
      }),
    );
  }

  private async categoriesOf(userId: string): Promise<CategoryPreference[]> {
    const rows = await this.preferences.findBy({ userId });
    const stored = new Map<string, StoredPreference>();
    for (const row of rows) {
      const entry = stored.get(row.category) ?? { category: row.category };
      if (row.channel === 'in_app') entry.inApp = row.mode as InAppMode;
      if (row.channel === 'email') entry.email = row.mode as EmailMode;
      stored.set(row.category, entry);
    }
    return withDefaults([...stored.values()]);
  }

  private async upsertPreferences(repo: Repository<NotificationPreference>, given: NotificationPreference[]) {
    // One row per key (the last one given wins): an upsert may not touch a row twice.
    const rows = [...new Map(given.map((r) => [`${r.category}/${r.channel}`, r])).values()];
    await repo
      .createQueryBuilder()
      .insert()
      .values(rows)
      .orUpdate(['mode', 'updated_at'], ['user_id', 'category', 'channel'])
      .updateEntity(false)
      .execute();
  }
}

function toQuietHours(given: { start: string; end: string } | null): QuietHours | null {
  if (given === null) return null;
  const start = parseClock(given.start);
  const end = parseClock(given.end);
  if (start === null || end === null || start === end) {
    throw new DomainException(NotificationsError.QUIET_HOURS_INVALID, 'Quiet hours need a start and a different end', {
      fields: [{ field: 'quietHours', rule: 'quiet_hours', message: 'start and end must be different times (HH:MM)' }],
    });
  }
  return { start, end };
}
