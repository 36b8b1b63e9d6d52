import type { MentoringPairing, MentoringSession, PairingStatus, SessionStatus } from './entities';

export interface PersonRef {
  id: string;
  name: string;
  /** Formatted with spaces (`19860926 201505 1 001`); null for an account without NIP. */
  nip: string | null;
}

export interface SessionCounts {
  total: number;
  confirmed: number;
  pending: number;
  disputed: number;
}

/** A pairing as its two sides and the admins see it: who, which competency, how far. */
export interface PairingView {
  id: string;
  competency: { code: string; name: string };
  mentor: PersonRef;
  mentee: PersonRef;
  status: PairingStatus;
  startedAt: string;
  endedAt: string | null;
  achievedLevel: number | null;
  endNote: string | null;
  counts: SessionCounts;
  /** JP credited to the mentee by the pairing's confirmed sessions. */
  totalJp: number;
}

export interface SessionView {
  id: string;
  pairingId: string;
  heldOn: string;
  topic: string;
  minutes: number;
  notes: string | null;
  status: SessionStatus;
  jp: number;
  loggedBy: { id: string; name: string };
  answeredAt: string | null;
  disputeReason: string | null;
  /** True when the viewer is the side that answers this session and it still waits. */
  awaitingMe: boolean;
}

export interface PairingDetail extends PairingView {
  sessions: SessionView[];
}

export const EMPTY_COUNTS: SessionCounts = { total: 0, confirmed: 0, pending: 0, disputed: 0 };

export function sessionView(
  s: MentoringSession,
  pairing: Pick<MentoringPairing, 'mentorId' | 'menteeId'>,
  names: Map<string, { name: string }>,
  viewerId: string,
): SessionView {
  const party = viewerId === pairing.mentorId || viewerId === pairing.menteeId;
  return {
    id: s.id,
    pairingId: s.pairingId,
    heldOn: s.heldOn,
    topic: s.topic,
    minutes: s.minutes,
    notes: s.notes,
    status: s.status,
    jp: s.jpTenths / 10,
    loggedBy: { id: s.loggedBy, name: names.get(s.loggedBy)?.name ?? '-' },
    answeredAt: s.answeredAt ? new Date(s.answeredAt).toISOString() : null,
    disputeReason: s.disputeReason,
    awaitingMe: party && s.status === 'pending' && s.loggedBy !== viewerId,
  };
}
