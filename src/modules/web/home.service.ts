import { Injectable } from '@nestjs/common';
import { AuthUser } from '../../../libs/auth';
import { Clock } from '../../../libs/common';
import { pangkatOf } from '../identity/domain/golongan';
import { formatNip } from '../identity/domain/nip';
import { IdentityApi } from '../identity/identity.api';
import { LearnerHome, LearnerHomeService } from '../learning/ledger/learner-home.service';
import { OrganisationApi } from '../organisation/organisation.api';

export interface HomeModel {
  name: string;
  role: AuthUser['role'];
  nip: string | null;
  /** "III/b (Penata Muda Tingkat I)" for PNS, the bare grade for PPPK. */
  grade: string | null;
  unitName: string | null;
  regionName: string | null;
  teamSize: number;
  /** Courses, JP against the target and competencies: for everyone who learns (not admins). */
  learning: LearnerHome | null;
}

const LEARNING_ROLES: ReadonlyArray<AuthUser['role']> = ['learner', 'supervisor', 'instructor'];

/** Gathers what a home page shows, through the modules' facades. */
@Injectable()
export class HomeService {
  constructor(
    private readonly identity: IdentityApi,
    private readonly organisation: OrganisationApi,
    private readonly learnerHome: LearnerHomeService,
    private readonly clock: Clock,
  ) {}

  async forUser(user: AuthUser): Promise<HomeModel> {
    const me = await this.identity.getUser({ kind: 'own', userId: user.id }, user.id);
    const [unit] = me.unitId ? await this.organisation.unitsByIds([me.unitId]) : [];
    const region = user.scopeRegionCode ? await this.organisation.getRegion(user.scopeRegionCode) : null;
    const teamSize = user.role === 'supervisor' ? await this.identity.countDirectReports(user.id) : 0;
    const learning = LEARNING_ROLES.includes(user.role) ? await this.learnerHome.home(user, this.clock.now()) : null;
    return {
      name: me.name,
      role: user.role,
      nip: me.nip ? formatNip(me.nip) : null,
      grade: me.golongan ? (pangkatOf(me.golongan) ? `${me.golongan} (${pangkatOf(me.golongan)})` : me.golongan) : null,
      unitName: unit?.name ?? null,
      regionName: region ? `${region.name} (${region.code})` : null,
      teamSize,
      learning,
    };
  }
}
