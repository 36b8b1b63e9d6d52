import { PipeTransform } from '@nestjs/common';
import { validationFailed } from '../../../libs/common';

/** `:code` must look like a dictionary code (M.01, S.01, T.SDM.01) before it reaches a query. */
export const CompetencyCodeParam: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!/^[MST]\.[A-Z0-9][A-Z0-9.-]{0,17}$/.test(value)) {
      throw validationFailed([
        { field: 'code', rule: 'competencyCode', message: 'code must look like M.01, S.01 or T.<CODE>' },
      ]);
    }
    return value;
  },
};
