import { Injectable } from '@nestjs/common';
import { EmployeeType } from '../identity/domain/golongan';
import { LearningSettingsService } from './learning-settings.service';

/** What other modules may ask of the learning module. */
@Injectable()
export class LearningApi {
  constructor(private readonly settings: LearningSettingsService) {}

  yearlyTarget(employeeType: EmployeeType, year: number): Promise<number | null> {
    return this.settings.yearlyTarget(employeeType, year);
  }
}
