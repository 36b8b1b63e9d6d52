import { isOpen, responseRate } from '../domain/questionnaire-rules';
import { Questionnaire, QuestionnaireKind, SendStatus } from '../entities';

export interface QuestionnaireView {
  id: string;
  title: string;
  kind: QuestionnaireKind;
  maxChoices: number;
  dueDate: string | null;
  /** Answers are still accepted (the due date has not ended). */
  open: boolean;
  status: SendStatus;
  filter: Record<string, string>;
  recipients: number;
  answered: number;
  /** Whole percent of recipients who answered. */
  responseRate: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface SummaryRow {
  competencyCode: string;
  name: string;
  /** Self-assessment: people who rated it and their mean level (one decimal). */
  respondents?: number;
  meanLevel?: number;
  /** Training needs: people who asked for it, how many ranked it first, their mean rank. */
  requests?: number;
  firstChoice?: number;
  meanRank?: number;
}

export interface QuestionnaireDetail extends QuestionnaireView {
  summary: SummaryRow[];
  /** The latest free-text wishes (without names: people write more freely). */
  notes: string[];
}

export function toQuestionnaireView(q: Questionnaire, counts: { recipients: number; answered: number }, now: Date) {
  return {
    id: q.id,
    title: q.title,
    kind: q.kind,
    maxChoices: q.maxChoices,
    dueDate: q.dueOn,
    open: isOpen(q.dueOn, now),
    status: q.status,
    filter: JSON.parse(q.filterJson) as Record<string, string>,
    recipients: counts.recipients,
    answered: counts.answered,
    responseRate: responseRate(counts.answered, counts.recipients),
    error: q.error,
    createdAt: new Date(q.createdAt).toISOString(),
    finishedAt: q.finishedAt ? new Date(q.finishedAt).toISOString() : null,
  } satisfies QuestionnaireView;
}

/** Averages come back from the database as text (MySQL) or numbers (SQLite); one decimal is enough. */
export function oneDecimal(value: unknown): number {
  return Math.round(Number(value) * 10) / 10;
}
