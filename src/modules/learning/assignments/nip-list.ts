/** NIPs in a CSV or text file: the first 18-digit number on each line (spaces inside are allowed). */
export function nipsFromCsv(text: string): { nips: string[]; unreadableLines: number[] } {
  const nips = new Set<string>();
  const unreadableLines: number[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (!line) return;
      const match = /(?<!\d)(\d[\d ]{16,30}\d)(?!\d)/.exec(line);
      const nip = match?.[1].replace(/ /g, '');
      if (nip && /^\d{18}$/.test(nip)) nips.add(nip);
      else if (index > 0 || !/nip/i.test(line)) unreadableLines.push(index + 1);
    });
  return { nips: [...nips], unreadableLines };
}
