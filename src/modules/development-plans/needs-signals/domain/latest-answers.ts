/** Answer rows as the needs analysis reads them. */
export interface LevelAnswer {
  userId: string;
  competencyCode: string;
  level: number;
  answeredAt: Date;
}

export interface WishAnswer {
  userId: string;
  questionnaireId: string;
  competencyCode: string;
  answeredAt: Date;
}

/**
 * The latest self-assessed level per person and competency, across questionnaires: a
 * newer answer (this year's questionnaire, or a changed answer) replaces an older one.
 */
export function latestLevels(rows: LevelAnswer[]): Map<string, Map<string, number>> {
  const latest = new Map<string, Map<string, { level: number; at: number }>>();
  for (const r of rows) {
    const byCode = latest.get(r.userId) ?? new Map<string, { level: number; at: number }>();
    const at = new Date(r.answeredAt).getTime();
    const seen = byCode.get(r.competencyCode);
    if (!seen || at > seen.at) byCode.set(r.competencyCode, { level: r.level, at });
    latest.set(r.userId, byCode);
  }
  return new Map(
    [...latest].map(([userId, byCode]) => [userId, new Map([...byCode].map(([code, v]) => [code, v.level]))]),
  );
}

/**
 * What each person asked to develop: the wishes of their latest answered training-needs
 * questionnaire only (last year's wishes are superseded by this year's, not added to them).
 */
export function latestWishes(rows: WishAnswer[]): Map<string, Set<string>> {
  const newest = new Map<string, { questionnaireId: string; at: number }>();
  for (const r of rows) {
    const at = new Date(r.answeredAt).getTime();
    const seen = newest.get(r.userId);
    if (!seen || at > seen.at) newest.set(r.userId, { questionnaireId: r.questionnaireId, at });
  }
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    if (newest.get(r.userId)?.questionnaireId !== r.questionnaireId) continue;
    out.set(r.userId, (out.get(r.userId) ?? new Set()).add(r.competencyCode));
  }
  return out;
}
