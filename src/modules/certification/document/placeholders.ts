import { CertificateContent, ShownFields } from './certificate-content';
import { formatIndonesianDate, formatJp, formatNip, joinIndonesian } from './indonesian-format';

/** The words a template may use in its blocks, each between braces: "Diberikan kepada {nama}". */
export const PLACEHOLDERS = ['nama', 'nip', 'kursus', 'jp', 'kompetensi', 'tanggal'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;
const OPTIONAL_PART = /\[([^[\]]*)\]/g;

const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/** What each placeholder prints. A hidden or missing value prints as nothing. */
export function placeholderValues(content: CertificateContent, show: ShownFields): Record<Placeholder, string> {
  return {
    nama: content.holder.name.trim(),
    nip: show.nip && content.holder.nip ? formatNip(content.holder.nip) : '',
    kursus: content.course.title.trim(),
    jp: show.jp ? formatJp(content.course.jp) : '',
    kompetensi: show.competencies
      ? joinIndonesian(content.competencies.map((c) => `${c.name.trim() || c.code} (Level\u00a0${c.level})`))
      : '',
    tanggal: formatIndonesianDate(content.completedOn),
  };
}

/**
 * The text a block prints. Unknown {words} stay as they are (the template editor rejects
 * them; here they would rather show than vanish). A block, or a [bracketed part] of one,
 * whose placeholders all came out empty is left out: "NIP {nip}" prints nothing when the
 * NIP is hidden, and "pada {tanggal}[ dengan beban belajar {jp}]" keeps the date without
 * a dangling "dengan beban belajar". Brackets with no placeholder inside are plain text.
 */
export function fillPlaceholders(text: string, content: CertificateContent, show: ShownFields): string {
  const values = placeholderValues(content, show);
  if (saysNothing(text, values)) return '';
  const kept = text.replace(OPTIONAL_PART, (part, inner: string) =>
    usedPlaceholders(inner).length === 0 ? part : saysNothing(inner, values) ? '' : inner,
  );
  return kept
    .replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole))
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function usedPlaceholders(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter(isPlaceholder);
}

function saysNothing(text: string, values: Record<Placeholder, string>): boolean {
  const used = usedPlaceholders(text);
  return used.length > 0 && used.every((name) => values[name] === '');
}

/** "{nama}" alone: a display line rather than a paragraph. */
export function displayPlaceholder(block: string): Placeholder | null {
  const match = /^\s*\{([^{}]*)\}\s*$/.exec(block);
  return match && isPlaceholder(match[1]) ? match[1] : null;
}
