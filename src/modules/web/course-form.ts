import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors, validationFailed } from '../../../libs/common';
import type { AuthoringView } from '../catalog/courses.service';
import { CourseDraftDto } from '../catalog/dto/course.dto';
import { formFlag, formText } from './page-actions';

/** The course form's fields as the page shows them (strings, like the browser sends them). */
export interface CourseFormValues {
  title: string;
  summary: string;
  jp: string;
  levels: Record<string, string>;
  audience: 'everyone' | 'regions';
  regions: string;
  enrolmentMode: string;
  inOrder: boolean;
  deadline: string;
}

export const EMPTY_COURSE_FORM: CourseFormValues = {
  title: '',
  summary: '',
  jp: '',
  levels: {},
  audience: 'everyone',
  regions: '',
  enrolmentMode: 'self',
  inOrder: false,
  deadline: '',
};

/** Reads the submitted form; competency levels come as `level_<code>` selects. */
export function readCourseForm(body: unknown): CourseFormValues {
  const levels: Record<string, string> = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (name.startsWith('level_') && typeof value === 'string' && value) levels[name.slice(6)] = value;
  }
  return {
    title: formText(body, 'title', 200),
    summary: formText(body, 'summary', 5000),
    jp: formText(body, 'jp', 10),
    levels,
    audience: formText(body, 'audience') === 'regions' ? 'regions' : 'everyone',
    regions: formText(body, 'regions', 1000),
    enrolmentMode: formText(body, 'enrolmentMode', 20),
    inOrder: formFlag(body, 'inOrder'),
    deadline: formText(body, 'deadline', 10),
  };
}

/** The form's values as the API's DTO, checked by the same rules (problems name the API's fields). */
export async function toCourseDraft(values: CourseFormValues): Promise<CourseDraftDto> {
  const dto = plainToInstance(CourseDraftDto, {
    title: values.title,
    summary: values.summary,
    jp: Number(values.jp.replace(',', '.')),
    competencies: Object.entries(values.levels).map(([code, level]) => ({ code, level: Number(level) })),
    audience:
      values.audience === 'everyone'
        ? { everyone: true }
        : {
            everyone: false,
            regions: values.regions
              .split(/[,\s]+/)
              .map((r) => r.trim())
              .filter(Boolean),
          },
    enrolmentMode: values.enrolmentMode,
    inOrder: values.inOrder,
    deadline: values.deadline || null,
  });
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw validationFailed(flattenValidationErrors(errors));
  return dto;
}

export function courseFormOf(view: AuthoringView): CourseFormValues {
  return {
    title: view.title,
    summary: view.summary,
    jp: String(view.jp),
    levels: Object.fromEntries(view.competencies.map((c) => [c.code, String(c.level)])),
    audience: view.audience.everyone ? 'everyone' : 'regions',
    regions: view.audience.regions.join(', '),
    enrolmentMode: view.enrolmentMode,
    inOrder: view.inOrder,
    deadline: view.deadline ? view.deadline.slice(0, 10) : '',
  };
}
