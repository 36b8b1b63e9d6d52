import { AuthUser } from '../../../libs/auth';
import { CatalogueQuery } from '../catalog/dto/catalogue-query.dto';
import { LearnerCatalogueService } from '../learning/enrolment/learner-catalogue.service';

/** Courses a picker lists at once; beyond that the admin searches by title. */
export const PICKER_SIZE = 100;

export interface CoursePicker {
  courses: Array<{ id: string; title: string; jp: number }>;
  /** Courses matching the search, of which `courses` lists the first PICKER_SIZE. */
  total: number;
  /** The title search (`cari`), as typed. */
  search: string;
}

/**
 * The courses of a picker: the newest PICKER_SIZE, or those whose title or summary holds
 * the search (`cari`: the page's query, or the refused form's hidden field), so that an
 * older course of a large catalogue can still be chosen.
 */
export async function coursePicker(
  catalogue: LearnerCatalogueService,
  user: AuthUser,
  given: unknown,
): Promise<CoursePicker> {
  const search = typeof given === 'string' ? given.trim().slice(0, 100) : '';
  const query = Object.assign(new CatalogueQuery(), {
    page: 1,
    pageSize: PICKER_SIZE,
    ...(search ? { q: search } : {}),
  });
  const page = await catalogue.search(user, query);
  return { courses: page.items, total: page.total, search };
}
