import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, APP_CONFIG } from '../../libs/config';
import { formatNip } from '../modules/identity/domain/nip';
import { CourseContentService } from '../modules/catalog/course-content.service';
import { CoursesService } from '../modules/catalog/courses.service';
import { QuestionBankService } from '../modules/assessment/bank/question-bank.service';
import { QuizzesService } from '../modules/assessment/quizzes/quizzes.service';
import { PublishingService } from '../modules/catalog/publishing.service';
import { IdentityApi } from '../modules/identity/identity.api';
import { OrganisationApi } from '../modules/organisation/organisation.api';
import { TemplatesService } from '../modules/certification/templates/templates.service';
import { RollupRebuilder } from '../modules/monitoring/rollups/rollup-rebuilder';
import { seedDemoCourses } from './demo-courses';
import {
  DEMO_CERTIFICATE_TEMPLATE,
  DEMO_PEOPLE,
  DEMO_POSITIONS,
  DEMO_STANDARDS,
  DEMO_REGIONS,
  DEMO_UNITS,
} from './demo-data';

export interface DemoLogin {
  role: string;
  name: string;
  username: string;
}

/**
 * Loads the demo regions, units, positions and people on the first start of an empty
 * database, through the modules' facades like any other client. The shared demo
 * password is generated then and kept in DATA_DIR (never in the repository).
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organisation: OrganisationApi,
    private readonly identity: IdentityApi,
    private readonly courses: CoursesService,
    private readonly content: CourseContentService,
    private readonly publishing: PublishingService,
    private readonly bank: QuestionBankService,
    private readonly quizzes: QuizzesService,
    private readonly templates: TemplatesService,
    private readonly rollups: RollupRebuilder,
  ) {}

  private get passwordFile(): string {
    return join(this.config.dataDir, 'demo-password.txt');
  }

  /** Seeds when the database has no account yet; returns the logins and their password. */
  async seedIfEmpty(password?: string): Promise<{ password: string; logins: DemoLogin[] } | null> {
    if ((await this.identity.countAccounts()) > 0) return this.knownLogins();
    const secret = password ?? randomBytes(9).toString('base64url');
    await this.organisation.ensureRegions(DEMO_REGIONS.map((r) => ({ ...r })));
    const units = new Map<string, string>();
    for (const unit of DEMO_UNITS) units.set(unit.code, (await this.organisation.ensureUnit({ ...unit })).id);
    const positions = new Map<string, string>();
    for (const p of DEMO_POSITIONS) positions.set(p.code, (await this.organisation.ensurePosition({ ...p })).id);
    for (const [code, requirements] of Object.entries(DEMO_STANDARDS)) {
      await this.organisation.setStandard(positions.get(code)!, { requirements });
    }
    const people = new Map<string, string>();
    for (const person of DEMO_PEOPLE) {
      const created = await this.identity.provisionAccount({
        name: person.name,
        role: person.role,
        password: secret,
        email: person.email,
        nip: person.nip ?? null,
        employeeType: person.nip ? 'PNS' : null,
        golongan: person.golongan ?? null,
        unitId: person.unitCode ? units.get(person.unitCode) : null,
        positionId: person.positionCode ? positions.get(person.positionCode) : null,
        scopeRegionCode: person.scopeRegionCode ?? null,
        supervisorId: person.supervisorKey ? people.get(person.supervisorKey) : null,
      });
      people.set(person.key, created.id);
    }
    const instructor = DEMO_PEOPLE.find((p) => p.role === 'instructor')!;
    const courseCount = await seedDemoCourses(
      { id: people.get(instructor.key)!, role: 'instructor', scopeRegionCode: null, locale: 'id' },
      {
        courses: this.courses,
        content: this.content,
        publishing: this.publishing,
        bank: this.bank,
        quizzes: this.quizzes,
      },
    );
    await this.publishCertificateTemplate(people.get('national')!, units.get(DEMO_CERTIFICATE_TEMPLATE.unitCode)!);
    // The monitoring dashboards read rollups only: fill them from what was just loaded.
    await this.rollups.run(null);
    if (this.config.database.kind === 'sqlite' && this.config.database.file !== ':memory:') {
      writeFileSync(this.passwordFile, secret, { mode: 0o600 });
    }
    this.logger.log(
      `Demo data loaded: ${DEMO_REGIONS.length} regions, ${DEMO_UNITS.length} units, ${DEMO_PEOPLE.length} people, ${courseCount} courses`,
    );
    return { password: secret, logins: demoLogins() };
  }

  /** The unit that owns the demo courses prints their certificates with its own published template. */
  private async publishCertificateTemplate(nationalAdminId: string, unitId: string): Promise<void> {
    const admin = {
      id: nationalAdminId,
      role: 'national_admin' as const,
      scopeRegionCode: null,
      locale: 'id' as const,
    };
    const { unitCode: _unit, ...design } = DEMO_CERTIFICATE_TEMPLATE;
    const dto = {
      ...design,
      blocks: [...design.blocks],
      show: { ...design.show },
      signatories: design.signatories.map((s) => ({ ...s })),
    };
    await this.templates.saveDraft(admin, { kind: 'national' }, unitId, dto);
    await this.templates.publish(admin, { kind: 'national' }, unitId);
  }

  private knownLogins(): { password: string; logins: DemoLogin[] } | null {
    if (!existsSync(this.passwordFile)) return null;
    return { password: readFileSync(this.passwordFile, 'utf8').trim(), logins: demoLogins() };
  }
}

export function demoLogins(): DemoLogin[] {
  return DEMO_PEOPLE.map((p) => ({ role: p.role, name: p.name, username: p.nip ? formatNip(p.nip) : p.email }));
}
