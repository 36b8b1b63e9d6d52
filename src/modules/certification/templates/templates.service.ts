import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessScope, AuthUser, regionWithin } from '../../../../libs/auth';
import { Clock, DomainException, newId } from '../../../../libs/common';
import { detectFileKind } from '../../../../libs/content';
import { forUpdateOn, isDuplicateKey, TransactionRunner } from '../../../../libs/database';
import { FILE_STORAGE, FileStorage } from '../../../../libs/storage';
import { OrganisationApi, UnitView } from '../../organisation/organisation.api';
import { CertificationError } from '../certification.errors';
import { CertificateDesign, renderCertificatePdf } from '../document';
import { TemplateDesignDto } from '../dto/template.dto';
import { CertificateTemplate, CertificateTemplateVersion } from '../entities';
import { sampleContent } from './sample-content';
import { assertKnownPlaceholders, defaultStoredDesign, StoredDesign } from './stored-design';
import { TemplateView, versionView } from './template.view';

export type TemplateImage = 'background' | 'logo';
export const MAX_TEMPLATE_IMAGE_BYTES = 2 * 1024 * 1024;

/**
 * Certificate templates per issuing unit: one draft at a time is edited and previewed,
 * publishing freezes it. Published versions never change, so issuance caches them.
 */
@Injectable()
export class TemplatesService {
  private readonly published = new Map<string, CertificateDesign>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly organisation: OrganisationApi,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async get(scope: AccessScope, unitId: string): Promise<TemplateView> {
    await this.assertUnitInScope(scope, unitId);
    return this.tx.run(async (m) => {
      const template = await m.findOneBy(CertificateTemplate, { unitId });
      const versions = template
        ? await m.find(CertificateTemplateVersion, { where: { templateId: template.id }, order: { number: 'DESC' } })
        : [];
      const published = versions.find((v) => v.status === 'published');
      const draft = versions.find((v) => v.status === 'draft');
      return {
        unitId,
        published: published ? versionView(published) : null,
        draft: draft ? versionView(draft) : null,
        history: versions.map((v) => ({
          id: v.id,
          number: v.number,
          status: v.status,
          publishedAt: v.publishedAt?.toISOString() ?? null,
        })),
      };
    });
  }

  /** Saves the draft's wording, fields and signatories (a draft is started from the published version). */
  async saveDraft(user: AuthUser, scope: AccessScope, unitId: string, dto: TemplateDesignDto): Promise<TemplateView> {
    await this.assertUnitInScope(scope, unitId);
    assertKnownPlaceholders(dto.blocks);
    const design: StoredDesign = {
      heading: dto.heading,
      blocks: dto.blocks,
      show: { ...dto.show },
      signatories: dto.signatories.map(({ name, nip, position }) => ({ name, nip: nip ?? null, position })),
    };
    await this.changeDraft(user, unitId, { designJson: JSON.stringify(design), updatedBy: user.id });
    return this.get(scope, unitId);
  }

  async setImage(
    user: AuthUser,
    scope: AccessScope,
    unitId: string,
    image: TemplateImage,
    content: Buffer,
  ): Promise<TemplateView> {
    await this.assertUnitInScope(scope, unitId);
    const kind = detectFileKind(content);
    if (!kind || (kind.mime !== 'image/png' && kind.mime !== 'image/jpeg')) {
      throw new DomainException(CertificationError.IMAGE_INVALID, `${image} must be a PNG or JPEG image`, {
        fields: [{ field: image, rule: 'image_type', message: `${image} must be a PNG or JPEG image` }],
      });
    }
    // A file that only starts like an image would pass the type check, then fail every
    // certificate of the unit once published: it is drawn on a sample certificate first.
    const sample = { ...defaultStoredDesign(), background: null, logo: null, [image]: content };
    try {
      await renderCertificatePdf(sampleContent('https://bina.invalid', 'Unit', '2026-01-01'), sample);
    } catch {
      throw new DomainException(CertificationError.IMAGE_INVALID, `${image} cannot be read as an image`, {
        fields: [{ field: image, rule: 'image_readable', message: `${image} is damaged or not a readable image` }],
      });
    }
    // Old files stay: an earlier published version may still print with them.
    const key = await this.storage.put('certificate-images', content, kind.extension);
    const change = image === 'background' ? { backgroundKey: key } : { logoKey: key };
    await this.changeDraft(user, unitId, { ...change, updatedBy: user.id });
    return this.get(scope, unitId);
  }

  async removeImage(user: AuthUser, scope: AccessScope, unitId: string, image: TemplateImage): Promise<TemplateView> {
    await this.assertUnitInScope(scope, unitId);
    await this.changeDraft(user, unitId, image === 'background' ? { backgroundKey: null } : { logoKey: null });
    return this.get(scope, unitId);
  }

  /** The draft becomes the version new certificates are issued with; the previous one retires. */
  async publish(user: AuthUser, scope: AccessScope, unitId: string): Promise<TemplateView> {
    await this.assertUnitInScope(scope, unitId);
    await this.tx.run(async (m) => {
      const template = await m.findOneBy(CertificateTemplate, { unitId });
      // Locked: of two publishes at once, the second waits and finds no draft left, instead
      // of retiring the version the first just published.
      const draft =
        template &&
        (await m.findOne(CertificateTemplateVersion, {
          where: { templateId: template.id, status: 'draft' },
          ...forUpdateOn(m),
        }));
      if (!template || !draft) {
        throw new DomainException(CertificationError.NOTHING_TO_PUBLISH, 'There is no draft to publish');
      }
      const now = this.clock.now();
      await m.update(
        CertificateTemplateVersion,
        { templateId: template.id, status: 'published' },
        { status: 'retired', updatedAt: now },
      );
      const published = await m.update(
        CertificateTemplateVersion,
        { id: draft.id, status: 'draft' },
        { status: 'published', publishedAt: now, updatedBy: user.id, updatedAt: now },
      );
      // Rolled back whole: the version retired above stays published.
      if (published.affected !== 1) throw draftChanged();
    });
    return this.get(scope, unitId);
  }

  /** The draft's design with its images (for the live preview); the published one when there is no draft. */
  async previewDesign(scope: AccessScope, unitId: string): Promise<{ design: CertificateDesign; unitName: string }> {
    const unit = await this.assertUnitInScope(scope, unitId);
    const version = await this.tx.run(async (m) => {
      const template = await m.findOneBy(CertificateTemplate, { unitId });
      if (!template) return null;
      return (
        (await m.findOneBy(CertificateTemplateVersion, { templateId: template.id, status: 'draft' })) ??
        (await m.findOneBy(CertificateTemplateVersion, { templateId: template.id, status: 'published' }))
      );
    });
    const design = version ? await this.designOf(version) : { ...defaultStoredDesign(), background: null, logo: null };
    return { design, unitName: unit.name };
  }

  /** What a unit's certificates are issued with now: null means the built-in design. */
  async publishedFor(unitId: string | null): Promise<{ versionId: string; design: CertificateDesign } | null> {
    if (!unitId) return null;
    const version = await this.tx.run(async (m) => {
      const template = await m.findOneBy(CertificateTemplate, { unitId });
      return template
        ? m.findOne(CertificateTemplateVersion, {
            where: { templateId: template.id, status: 'published' },
            select: { id: true, designJson: true, backgroundKey: true, logoKey: true },
          })
        : null;
    });
    if (!version) return null;
    let design = this.published.get(version.id);
    if (!design) {
      design = await this.designOf(version);
      this.published.set(version.id, design);
    }
    return { versionId: version.id, design };
  }

  private async designOf(
    version: Pick<CertificateTemplateVersion, 'designJson' | 'backgroundKey' | 'logoKey'>,
  ): Promise<CertificateDesign> {
    const stored = JSON.parse(version.designJson) as StoredDesign;
    return {
      ...stored,
      background: version.backgroundKey ? await this.storage.get(version.backgroundKey) : null,
      logo: version.logoKey ? await this.storage.get(version.logoKey) : null,
    };
  }

  /**
   * Writes to the draft only while it is one: a save that raced a publish would otherwise
   * change the version certificates are printed with (and that every process caches as
   * final). The loser gets 409 and saves again onto the new draft.
   */
  private async changeDraft(
    user: AuthUser,
    unitId: string,
    change: Partial<CertificateTemplateVersion>,
  ): Promise<void> {
    try {
      await this.tx.run(async (m) => {
        const draft = await this.openDraft(m, user, unitId);
        const written = await m.update(
          CertificateTemplateVersion,
          { id: draft.id, status: 'draft' },
          { ...change, updatedAt: this.clock.now() },
        );
        if (written.affected !== 1) throw draftChanged();
      });
    } catch (err) {
      // Two first edits at once both created the draft (or the template): one keeps it.
      if (isDuplicateKey(err)) throw draftChanged();
      throw err;
    }
  }

  private async openDraft(m: EntityManager, user: AuthUser, unitId: string): Promise<CertificateTemplateVersion> {
    const now = this.clock.now();
    let template = await m.findOneBy(CertificateTemplate, { unitId });
    if (!template) {
      template = { id: newId(), unitId, createdAt: now };
      await m.insert(CertificateTemplate, template);
    }
    const versions = await m.find(CertificateTemplateVersion, {
      where: { templateId: template.id },
      order: { number: 'DESC' },
    });
    const draft = versions.find((v) => v.status === 'draft');
    if (draft) return draft;
    const base = versions.find((v) => v.status === 'published');
    const created: CertificateTemplateVersion = {
      id: newId(),
      templateId: template.id,
      number: (versions[0]?.number ?? 0) + 1,
      status: 'draft',
      designJson: base?.designJson ?? JSON.stringify(defaultStoredDesign()),
      backgroundKey: base?.backgroundKey ?? null,
      logoKey: base?.logoKey ?? null,
      updatedBy: user.id,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
    };
    await m.insert(CertificateTemplateVersion, created);
    return created;
  }

  private async assertUnitInScope(scope: AccessScope, unitId: string): Promise<UnitView> {
    const [unit] = await this.organisation.unitsByIds([unitId]);
    const visible =
      unit &&
      (scope.kind === 'national' || (scope.kind === 'region' && regionWithin(unit.regionCode, scope.regionCode)));
    if (!visible) throw new DomainException(CertificationError.UNIT_NOT_FOUND, 'No such unit in your scope');
    return unit;
  }
}

const draftChanged = () =>
  new DomainException(CertificationError.DRAFT_CHANGED, 'The draft was published or opened meanwhile; save again');
