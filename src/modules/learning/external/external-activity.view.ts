import { ExternalActivity } from '../entities';

export interface ExternalActivityView {
  id: string;
  userId: string;
  formCode: string;
  title: string;
  organiser: string;
  startDate: string;
  endDate: string;
  days: number | null;
  programmeJp: number | null;
  international: boolean;
  jp: number;
  competencyCode: string | null;
  level: number | null;
  evidence: { name: string; mime: string };
  status: ExternalActivity['status'];
  rejectionReason: string | null;
  reviewedAt: string | null;
  createdAt: string;
}

export function toActivityView(a: ExternalActivity): ExternalActivityView {
  return {
    id: a.id,
    userId: a.userId,
    formCode: a.formCode,
    title: a.title,
    organiser: a.organiser,
    startDate: a.startDate,
    endDate: a.endDate,
    days: a.days,
    programmeJp: a.programmeJpTenths === null ? null : a.programmeJpTenths / 10,
    international: Boolean(a.international),
    jp: a.jpTenths / 10,
    competencyCode: a.competencyCode,
    level: a.level,
    evidence: { name: a.evidenceName, mime: a.evidenceMime },
    status: a.status,
    rejectionReason: a.rejectionReason,
    reviewedAt: a.reviewedAt ? new Date(a.reviewedAt).toISOString() : null,
    createdAt: new Date(a.createdAt).toISOString(),
  };
}
