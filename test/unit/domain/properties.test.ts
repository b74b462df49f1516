/** fast-check properties of the domain core (invariants of docs/RULES.md). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitmentStats, classifyCommitment } from '../../../src/domain/commitments.ts';
import { fromCents, toCents } from '../../../src/domain/money.ts';
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import { profitCents, toProfit, whaleCurve } from '../../../src/domain/profit.ts';
import { clvCents } from '../../../src/domain/retention.ts';
import { classifySegment, indexCriteria, segmentFor } from '../../../src/domain/segmentation.ts';
import { surveyResult } from '../../../src/domain/voc.ts';
import { accountsExport } from '../../../src/views/exports.ts';
import { account, answer, commitment, criterion, datasets, financial, scores, survey } from './factories.ts';

/** Money with at most 2 decimals, as analysts type it. */
const money = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((c) => c / 100);
const positiveMoney = fc.integer({ min: 0, max: 1_000_000_000 }).map((c) => c / 100);
const score10 = fc.double({ min: 0, max: 10, noNaN: true });
const t4 = fc.integer({ min: 0, max: 100_000 }).map((n) => n / 10_000); // a 4-decimal threshold in [0, 10]

describe('segmentation properties', () => {
  it('A and S stay in [0, 10]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0.001, max: 1000, noNaN: true }), score10), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.tuple(fc.double({ min: 0.001, max: 1000, noNaN: true }), score10), {
          minLength: 1,
          maxLength: 8,
        }),
        (as, ss) => {
          const crit = [
            ...as.map(([w], i) => criterion(`a${i}`, 'attractiveness', w)),
            ...ss.map(([w], i) => criterion(`s${i}`, 'strength', w)),
          ];
          const rows = [
            ...as.map(([, v], i) => ({ account_id: 'x', period: '2026', criterion_id: `a${i}`, score: v })),
            ...ss.map(([, v], i) => ({ account_id: 'x', period: '2026', criterion_id: `s${i}`, score: v })),
          ];
          const r = segmentFor('2026', rows, indexCriteria(crit), { attractiveness: 5, strength: 5 });
          expect(r.unscored).toBe(false);
          for (const v of [r.attractiveness, r.strength]) {
            expect(v).not.toBeNull();
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(10);
          }
        },
      ),
    );
  });

  it('the segment flips exactly at the threshold', () => {
    fc.assert(
      fc.property(t4, t4, (ta, ts) => {
        const t = { attractiveness: ta, strength: ts };
        expect(classifySegment(ta, ts, t)).toBe('key');
        if (ta >= 0.0001) expect(classifySegment(ta - 0.0001, ts, t)).toBe('maintained');
        if (ts >= 0.0001) expect(classifySegment(ta, ts - 0.0001, t)).toBe('developing');
        // through the weighted mean: one criterion per matrix scored exactly at the threshold
        const crit = indexCriteria([criterion('a', 'attractiveness', 3), criterion('s', 'strength', 7)]);
        const rows = [
          { account_id: 'x', period: '2026', criterion_id: 'a', score: ta },
          { account_id: 'x', period: '2026', criterion_id: 's', score: ts },
        ];
        expect(segmentFor('2026', rows, crit, t).segment).toBe('key');
      }),
    );
  });
});

describe('profit properties', () => {
  const row = fc.record({
    revenue_goods: money,
    revenue_services: money,
    revenue_ip: money,
    cogs: money,
    service_cost: money,
    acquisition_cost: money,
    knowledge_cost: money,
    relationship_cost: money,
  });

  it('NOPAT = operating profit − tax and tax ≥ 0, to the cent', () => {
    fc.assert(
      fc.property(row, fc.double({ min: 0, max: 1, noNaN: true }), (r, rate) => {
        const p = profitCents(financial('x', '2026', r), rate);
        expect(p.tax).toBeGreaterThanOrEqual(0);
        expect(p.nopat).toBe(p.operating_profit - p.tax);
        for (const v of Object.values(p)) expect(Number.isInteger(v)).toBe(true);
        const out = toProfit(p);
        expect(toCents(out.nopat)).toBe(toCents(out.operating_profit) - toCents(out.tax));
        if (p.operating_profit <= 0) expect(p.tax).toBe(0);
      }),
    );
  });

  it('the whale curve ends at 100 % of total NOPAT', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 50 }),
        (nopats) => {
          const curve = whaleCurve(nopats.map((n, i) => ({ account_id: `a${i}`, nopat: n })));
          const last = curve.points.at(-1);
          expect(last?.cumulative).toBe(curve.total_nopat);
          if (curve.total_nopat > 0) {
            expect(last?.cumulative_share).toBe(1);
            expect(curve.peak_share).toBeGreaterThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('converts any 2-decimal amount to its exact cents, and half cents away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (c) => {
        expect(toCents(c / 100)).toBe(c);
        expect(Math.abs(toCents((c * 10 + 5) / 1000))).toBe(Math.abs(c) + (c < 0 ? 0 : 1));
      }),
    );
  });

  it('money sums equal integer-cent sums', () => {
    fc.assert(
      fc.property(fc.array(positiveMoney, { minLength: 1, maxLength: 12 }), (amounts) => {
        const data = datasets({
          accounts: [account('a')],
          financials: amounts.map((v, i) =>
            financial('a', `2026-${String(i + 1).padStart(2, '0')}`, { revenue_goods: v }),
          ),
          settings: { current_period: '2026-12' },
        });
        const p = computePortfolio(data, { today: '2027-01-01' });
        const cents = amounts.reduce((s, v) => s + Math.round(v * 100), 0);
        expect(p.accounts[0]?.last12m?.profit.revenue).toBe(fromCents(cents));
        expect(p.segment_totals.reduce((s, t) => s + toCents(t.revenue_12m), 0)).toBe(cents);
      }),
    );
  });
});

describe('retention, VoC and commitments properties', () => {
  it('CLV grows with retention for positive m', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e10 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (m, r1, r2, d) => {
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          expect(clvCents(m, hi, d) as number).toBeGreaterThanOrEqual(clvCents(m, lo, d) as number);
        },
      ),
    );
  });

  it('response rate ≤ 100 % when respondents are among the invited', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 30 })
          .chain((invited) =>
            fc.tuple(
              fc.constant(invited),
              fc.array(
                fc.tuple(
                  fc.integer({ min: 0, max: invited - 1 }),
                  fc.constantFrom('q1', 'q2'),
                  fc.integer({ min: 0, max: 10 }),
                ),
              ),
            ),
          ),
        ([invited, answers]) => {
          const r = surveyResult(
            survey('s', 'a', '2026-01-01', invited),
            answers.map(([who, q, v]) => answer('s', `r${who}`, q, v)),
          );
          expect(r.response_rate).toBeLessThanOrEqual(1);
          expect(r.response_rate).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('every commitment is in exactly one state and stats add up', () => {
    const date = fc
      .integer({ min: 0, max: 60 })
      .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(date, fc.option(date, { nil: undefined }))), date, (rows, today) => {
        const res = rows.map(([due, done], i) =>
          classifyCommitment(commitment(`c${i}`, 'a', due, { done_on: done }), today),
        );
        const s = commitmentStats(res);
        expect(s.done_on_time + s.done_late + s.open).toBe(s.total);
        expect(s.overdue).toBeLessThanOrEqual(s.open);
        for (const c of res) if (c.row.due === today && !c.row.done_on) expect(c.state).toBe('open');
      }),
    );
  });
});

describe('export properties', () => {
  it('has exactly one row per account', () => {
    const status = fc.constantFrom('active', 'lost', 'prospect') as fc.Arbitrary<
      'active' | 'lost' | 'prospect'
    >;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 25 }),
        fc.array(status, { minLength: 25, maxLength: 25 }),
        fc.array(fc.tuple(score10, score10, money), { minLength: 25, maxLength: 25 }),
        (ids, statuses, values) => {
          const data = datasets({
            accounts: ids.map((id, i) =>
              account(id, { status: statuses[i] ?? 'active', lost_on: '2026-01-01' }),
            ),
            scores: ids.flatMap((id, i) =>
              i % 3 === 2
                ? []
                : scores(id, i % 2 ? '2026-Q1' : '2026-Q2', {
                    a1: values[i]?.[0] ?? 0,
                    s1: values[i]?.[1] ?? 0,
                  }),
            ),
            financials: ids
              .filter((_, i) => i % 4)
              .map((id, i) => financial(id, '2026-Q2', { revenue_goods: values[i]?.[2] ?? 0 })),
          });
          const rows = accountsExport(computePortfolio(data, { today: '2026-07-01' }));
          expect(rows.length).toBe(ids.length);
          expect(rows.map((r) => r.account_id)).toEqual(ids);
        },
      ),
    );
  });
});
