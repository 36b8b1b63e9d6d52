import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FieldProblem, flattenValidationErrors, validationFailed } from '../../../libs/common';
import { PLACEHOLDERS } from '../certification/document';
import { TemplateDesignDto } from '../certification/dto/template.dto';
import type { StoredDesign } from '../certification/templates/stored-design';
import type { Translate } from './i18n/messages';
import { formFlag, formText } from './page-actions';

export const BLOCK_SLOTS = 6;
export const SIGNATORY_SLOTS = 3;
export const SHOWN_FIELDS = ['nip', 'competencies', 'jp', 'qr', 'serial'] as const;

/** The template form as it is shown: every slot present, empty ones included. */
export interface FormDesign {
  heading: string;
  blocks: string[];
  show: Record<(typeof SHOWN_FIELDS)[number], boolean>;
  signatories: Array<{ name: string; nip: string; position: string }>;
}

/** A stored design in the form's shape (blank slots added). */
export function formDesignOf(design: StoredDesign): FormDesign {
  return {
    heading: design.heading,
    blocks: Array.from({ length: BLOCK_SLOTS }, (_, i) => design.blocks[i] ?? ''),
    show: Object.fromEntries(SHOWN_FIELDS.map((f) => [f, !!design.show[f]])) as FormDesign['show'],
    signatories: Array.from({ length: SIGNATORY_SLOTS }, (_, i) => {
      const s = design.signatories[i];
      return { name: s?.name ?? '', nip: s?.nip ?? '', position: s?.position ?? '' };
    }),
  };
}

/**
 * Reads the posted form. Empty blocks and signatory rows are left out of what is saved;
 * `fieldOf` turns a problem's field in the saved design ("blocks.1", "signatories.0.nip")
 * back into the input it came from ("block3", "sig0_nip").
 */
export function designFromForm(body: unknown): {
  values: FormDesign;
  design: Record<string, unknown>;
  fieldOf: (field: string) => string;
} {
  const values: FormDesign = {
    heading: formText(body, 'heading', 200),
    blocks: Array.from({ length: BLOCK_SLOTS }, (_, i) => formText(body, `block${i}`, 1000)),
    show: Object.fromEntries(SHOWN_FIELDS.map((f) => [f, formFlag(body, `show_${f}`)])) as FormDesign['show'],
    signatories: Array.from({ length: SIGNATORY_SLOTS }, (_, i) => ({
      name: formText(body, `sig${i}_name`, 200),
      // People copy a NIP as printed, with spaces: "19700101 200003 2 001".
      nip: formText(body, `sig${i}_nip`, 40).replace(/[\s.-]/g, ''),
      position: formText(body, `sig${i}_position`, 200),
    })),
  };
  const blockSlots = values.blocks.flatMap((b, i) => (b ? [i] : []));
  const signatorySlots = values.signatories.flatMap((s, i) => (s.name || s.nip || s.position ? [i] : []));
  const design = {
    heading: values.heading,
    blocks: blockSlots.map((i) => values.blocks[i]),
    show: { ...values.show },
    signatories: signatorySlots.map((i) => {
      const s = values.signatories[i];
      return { name: s.name, nip: s.nip || null, position: s.position };
    }),
  };
  const fieldOf = (field: string): string => {
    const [head, index, leaf] = field.split('.');
    if (head === 'blocks') return `block${blockSlots[Number(index)] ?? blockSlots[0] ?? 0}`;
    if (head === 'signatories') {
      const slot = signatorySlots[Number(index)] ?? 0;
      return `sig${slot}_${leaf ?? 'name'}`;
    }
    if (head === 'show') return `show_${index}`;
    return head;
  };
  return { values, design, fieldOf };
}

/** The same rules as the API: a page never saves what the API would refuse. */
export async function checkedDesign(form: { design: Record<string, unknown> }): Promise<TemplateDesignDto> {
  const dto = plainToInstance(TemplateDesignDto, form.design);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw validationFailed(flattenValidationErrors(errors));
  return dto;
}

/** What to fix, in the page's language, for the problems a person can cause here. */
export function localiseTemplateProblem(p: FieldProblem, t: Translate): string | null {
  const list = PLACEHOLDERS.map((name) => `{${name}}`).join(' ');
  if (p.rule === 'placeholder') {
    const name = /^(\{[^{}]*\})/.exec(p.message)?.[1] ?? '';
    return t('tpl.badPlaceholder', { name, list });
  }
  if (p.rule === 'image_type') return t('tpl.img.type');
  if (p.rule === 'image_readable') return t('tpl.img.readable');
  if (p.field === 'signatories') return t('tpl.sig.required');
  if (/^signatories\.\d+\.nip$/.test(p.field)) return t('tpl.sig.nipRule');
  return null;
}
