import { Injectable } from '@nestjs/common';
import { CreatePositionDto, CreateUnitDto, SetRequirementsDto } from './dto/organisation.dto';
import { Position, Region, Unit } from './entities';
import { OrganisationService } from './organisation.service';
import { StandardChanged, StandardChangedSubscribers } from './standard-changed';
import { InTxListener } from '../../../libs/queue';

export type UnitView = Pick<Unit, 'id' | 'code' | 'name' | 'kind' | 'regionCode'>;
export type PositionView = Pick<Position, 'id' | 'code' | 'name' | 'kind'>;
export type RegionView = Pick<Region, 'code' | 'name' | 'level' | 'parentCode'>;

/** What other modules may ask of the organisation module (its only public entry). */
@Injectable()
export class OrganisationApi {
  constructor(
    private readonly organisation: OrganisationService,
    private readonly standardChanged: StandardChangedSubscribers,
  ) {}

  /** Called in the writer's transaction whenever a position's job standard is replaced. */
  onStandardChanged(listener: InTxListener<StandardChanged>): void {
    this.standardChanged.subscribe(listener);
  }

  unitsByIds(ids: string[]): Promise<UnitView[]> {
    return this.organisation.findUnitsByIds(ids);
  }

  /** The region code of each of these units (unknown ids are left out). */
  regionsOfUnits(ids: string[]): Promise<Map<string, string>> {
    return this.organisation.regionsOfUnits([...new Set(ids)]);
  }

  unitsByCodes(codes: string[]): Promise<UnitView[]> {
    return this.organisation.findUnitsByCodes(codes);
  }

  positionsByCodes(codes: string[]): Promise<PositionView[]> {
    return this.organisation.findPositionsByCodes(codes);
  }

  positionsByIds(ids: string[]): Promise<PositionView[]> {
    return this.organisation.findPositionsByIds(ids);
  }

  /** Required level per competency of each position (the job standard), keyed by position id. */
  async standardsOf(
    positionIds: string[],
  ): Promise<Map<string, Array<{ competencyCode: string; requiredLevel: number }>>> {
    const rows = await this.organisation.findRequirements([...new Set(positionIds)]);
    const byPosition = new Map<string, Array<{ competencyCode: string; requiredLevel: number }>>();
    for (const r of rows) {
      const list = byPosition.get(r.positionId) ?? [];
      list.push({ competencyCode: r.competencyCode, requiredLevel: r.requiredLevel });
      byPosition.set(r.positionId, list);
    }
    return byPosition;
  }

  /** Names of regions by code (unknown codes are left out), e.g. a dashboard's sub-regions. */
  regionsByCodes(codes: string[]): Promise<RegionView[]> {
    return this.organisation.findRegionsByCodes([...new Set(codes)]);
  }

  getRegion(code: string): Promise<RegionView> {
    return this.organisation.getRegion(code);
  }

  /** Loads reference regions (idempotent). */
  ensureRegions(rows: RegionView[]): Promise<void> {
    return this.organisation.ensureRegions(rows);
  }

  ensureUnit(dto: CreateUnitDto): Promise<UnitView> {
    return this.organisation.ensureUnit(dto);
  }

  ensurePosition(dto: CreatePositionDto): Promise<PositionView> {
    return this.organisation.ensurePosition(dto);
  }

  /** Provisioning (demo data, seeds): replaces a position's job standard. */
  async setStandard(positionId: string, dto: SetRequirementsDto): Promise<void> {
    await this.organisation.setRequirements(positionId, dto);
  }
}
