import type { CertificateTemplateVersion, TemplateStatus } from '../entities';
import type { StoredDesign } from './stored-design';

export interface TemplateVersionView {
  id: string;
  number: number;
  status: TemplateStatus;
  design: StoredDesign;
  hasBackground: boolean;
  hasLogo: boolean;
  updatedAt: string;
  publishedAt: string | null;
}

export interface TemplateView {
  unitId: string;
  /** The version certificates are issued with now; null: the built-in design. */
  published: TemplateVersionView | null;
  /** The version being edited, if any. */
  draft: TemplateVersionView | null;
  history: Array<Pick<TemplateVersionView, 'id' | 'number' | 'status' | 'publishedAt'>>;
}

export function versionView(v: CertificateTemplateVersion): TemplateVersionView {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    design: JSON.parse(v.designJson) as StoredDesign,
    hasBackground: !!v.backgroundKey,
    hasLogo: !!v.logoKey,
    updatedAt: v.updatedAt.toISOString(),
    publishedAt: v.publishedAt?.toISOString() ?? null,
  };
}
