import { behaviourSummary, gainSummary, reactionSummary } from './summaries';

describe('evaluation summaries', () => {
  it('computes L1 means, distributions and the response rate from score counts', () => {
    // Answers (material, delivery, usefulness): (5,4,3) (4,4,5) (3,2,5); four questionnaires sent.
    const s = reactionSummary(4, [
      { item: 'material', score: 5, count: 1 },
      { item: 'material', score: 4, count: 1 },
      { item: 'material', score: 3, count: 1 },
      { item: 'delivery', score: 4, count: 2 },
      { item: 'delivery', score: 2, count: 1 },
      { item: 'usefulness', score: 3, count: 1 },
      { item: 'usefulness', score: 5, count: 2 },
    ]);
    expect(s.answered).toBe(3);
    expect(s.responseRate).toBe(75);
    expect(s.items.map((i) => [i.item, i.mean])).toEqual([
      ['material', 4],
      ['delivery', 3.33],
      ['usefulness', 4.33],
    ]);
    expect(s.items[1].distribution).toEqual({ 1: 0, 2: 1, 3: 0, 4: 2, 5: 0 });
    expect(s.overallMean).toBe(3.89);
  });

  it('has no means before any answer', () => {
    const s = reactionSummary(0, []);
    expect([s.answered, s.responseRate, s.overallMean, s.items[0].mean]).toEqual([0, null, null, null]);
  });

  it('counts L3 answers per side over the follow-ups sent', () => {
    const [learner, supervisor] = behaviourSummary([
      { role: 'learner', status: 'answered', applied: 'yes', count: 2 },
      { role: 'learner', status: 'answered', applied: 'partly', count: 1 },
      { role: 'learner', status: 'sent', applied: null, count: 1 },
      { role: 'learner', status: 'scheduled', applied: null, count: 5 },
      { role: 'supervisor', status: 'answered', applied: 'not_yet', count: 1 },
      { role: 'supervisor', status: 'expired', applied: null, count: 2 },
    ]);
    expect(learner).toEqual({
      role: 'learner',
      sent: 4,
      answered: 3,
      expired: 0,
      scheduled: 5,
      answeredPercent: 75,
      applied: { yes: 2, partly: 1, not_yet: 0 },
    });
    expect(supervisor.answeredPercent).toBe(33.33);
    expect(supervisor.applied).toEqual({ yes: 0, partly: 0, not_yet: 1 });
  });

  it.each([
    [[], { learners: 0, preMean: null, postMean: null, gainMean: null, normalisedGainMean: null }],
    [
      [
        { pre: 40, post: 80 },
        { pre: 60, post: 90 },
        { pre: null, post: 70 },
      ],
      { learners: 2, preMean: 50, postMean: 85, gainMean: 35, normalisedGainMean: 0.7083 },
    ],
    [[{ pre: 100, post: 100 }], { learners: 1, preMean: 100, postMean: 100, gainMean: 0, normalisedGainMean: null }],
  ])('pools L2 gains %#', (rows, expected) => {
    expect(gainSummary(rows)).toEqual(expected);
  });
});
