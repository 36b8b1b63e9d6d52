import { MonitoringPart } from '../monitoring.parts';
import { NodeScope } from '../dashboard/node-scope';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PeopleSources } from './people-sources';
import { PeopleTotals } from './people-totals';

/** The people behind every dashboard number (API; the page lives in the web module). */
export const PEOPLE_PART: MonitoringPart = {
  controllers: [PeopleController],
  providers: [NodeScope, PeopleSources, PeopleTotals, PeopleService],
  exports: [PeopleService],
};
