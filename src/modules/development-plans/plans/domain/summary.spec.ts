import { closingSummary } from './summary';

describe('closingSummary', () => {
  it.each([
    {
      facts: {
        goals: [
          { currentLevel: 3, targetLevel: 3 },
          { currentLevel: 1, targetLevel: 2 },
        ],
        activities: [{ status: 'done' as const }, { status: 'planned' as const }, { status: 'done' as const }],
        earnedJpTenths: 185,
        targetJpTenths: 200,
      },
      text: 'Tujuan tercapai: 1 dari 2. Kegiatan selesai: 2 dari 3. JP diperoleh: 18,5 dari target 20 (kurang 1,5).',
    },
    {
      facts: { goals: [], activities: [], earnedJpTenths: 240, targetJpTenths: 200, note: 'Pindah tugas' },
      text: 'Tujuan tercapai: 0 dari 0. Kegiatan selesai: 0 dari 0. JP diperoleh: 24 dari target 20 (target terpenuhi). Catatan: Pindah tugas',
    },
  ])('summarises $facts.earnedJpTenths tenths', ({ facts, text }) => {
    expect(closingSummary(facts)).toBe(text);
  });
});
