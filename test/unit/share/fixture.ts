/**
 * A small hand-written portfolio for the client-bundle tests. Every internal-only field holds
 * a leak marker (test/support/markers.ts) or a distinctive value, so a scan of the bundles shows
 * whether anything internal got through. Account A001 is the rich one; the others exist so
 * that "nothing about another client" can be checked.
 */
import { computePortfolio } from '../../../src/domain/portfolio.ts';
import type { Portfolio } from '../../../src/domain/types.ts';
import { HIDDEN_KPI_METRICS, marker } from '../../support/markers.ts';
import {
  defaultCriteria,
  settingsSchema,
  type Account,
  type Commitment,
  type Datasets,
  type DossierEntry,
  type Kpi,
  type Score,
} from '../../../src/schema/index.ts';

export const TODAY = '2026-11-27';
export const PERIOD = '2026-Q3';

type Base<T, K extends keyof T> = Pick<T, K> & Partial<T>;

// Some optional columns are keys with an `undefined` value in the record type.
const account = (a: Base<Account, 'account_id' | 'name' | 'kam_id' | 'since'>): Account => ({
  status: 'active',
  purchase_centralization: undefined,
  competition: undefined,
  ...a,
});

export const ACCOUNTS: Account[] = [
  account({
    account_id: 'A001',
    name: 'Northwind Metals',
    kam_id: 'M01',
    since: '2019-04-15',
    status: 'active',
    industry: 'Metals',
    region: 'North',
    potential: 2_750_000,
    wallet: 4_100_000,
    distance_km: 420,
    purchase_centralization: 4,
    competition: 3,
    description: 'Rolled steel producer with three mills; we supply bearings, drives and hydraulic parts.',
    internal_notes: `Hard negotiator, price-driven buyer. ${marker('INTERNAL-NOTE', 'A001')}`,
  }),
  account({
    account_id: 'A002',
    name: 'Smith & "Sons" <Ltd>',
    kam_id: 'M02',
    since: '2021-09-01',
    status: 'active',
    description: 'Family-owned packaging plant.',
    internal_notes: `Considering a second supplier. ${marker('INTERNAL-NOTE', 'A002')}`,
  }),
  account({
    account_id: 'A003',
    name: 'Baltic Forge Ltd',
    kam_id: 'M01',
    since: '2018-02-01',
    status: 'lost',
    lost_on: '2026-03-31',
    internal_notes: `Lost to a cheaper competitor. ${marker('INTERNAL-NOTE', 'A003')}`,
  }),
  account({
    account_id: 'A004',
    name: 'Orion Rail Components',
    kam_id: 'M02',
    since: '2026-10-01',
    status: 'prospect',
  }),
];

function visibleEntry(
  e: Base<DossierEntry, 'entry_id' | 'account_id' | 'date' | 'category' | 'title'>,
): DossierEntry {
  return { cost: 0, client_value: 0, validated: false, ...e, client_visible: true };
}

function hiddenEntry(id: string, account_id: string): DossierEntry {
  return {
    entry_id: id,
    account_id,
    date: '2026-05-05',
    category: 'consulting',
    title: `Margin recovery plan ${marker('HIDDEN-DOSSIER', id)}`,
    description: 'Raise prices at next renewal.',
    cost: 3_456.78,
    client_value: 0,
    validated: false,
    evidence: 'https://intranet.volga-ic.example/portal/accounts/' + account_id,
    client_visible: false,
  };
}

export const EVIDENCE_URL = 'https://docs.volga-ic.example/evidence/D0001';

const DOSSIER: DossierEntry[] = [
  visibleEntry({
    entry_id: 'D0001',
    account_id: 'A001',
    date: '2025-03-10',
    category: 'investment',
    title: 'Free preventive inspection of mill No. 2 drives',
    description: 'Two engineers, three days on site; found two worn gearboxes before they failed.',
    cost: 12_400,
    client_value: 48_000,
    validated: true,
    evidence: EVIDENCE_URL,
  }),
  visibleEntry({
    entry_id: 'D0002',
    account_id: 'A001',
    date: '2025-06-02',
    category: 'training',
    title: 'Hydraulics maintenance course for 14 fitters',
    cost: 6_800,
    client_value: 21_000,
    evidence: 'Attendance sheet, signed 2 June 2025',
  }),
  visibleEntry({
    entry_id: 'D0003',
    account_id: 'A001',
    date: '2025-11-20',
    category: 'problem_solved',
    title: 'Root cause of repeated seal failures found',
    description: 'Replaced the seal material; downtime on line 3 stopped.',
    client_value: 95_500,
    validated: true,
  }),
  visibleEntry({
    entry_id: 'D0004',
    account_id: 'A001',
    date: '2026-02-14',
    category: 'safety_stock',
    title: 'Safety stock of 40 critical bearings held at our warehouse',
    cost: 9_150,
    client_value: 30_000,
  }),
  visibleEntry({
    entry_id: 'D0005',
    account_id: 'A001',
    date: '2026-07-03',
    category: 'expedited_delivery',
    title: 'Overnight delivery of a replacement pump',
    cost: 2_300,
    client_value: 64_000,
    validated: true,
  }),
  visibleEntry({
    entry_id: 'D0006',
    account_id: 'A001',
    date: '2019-04-15',
    category: 'history',
    title: 'First order: bearings for the cold rolling mill',
  }),
  visibleEntry({
    entry_id: 'D0007',
    account_id: 'A001',
    date: '2022-09-30',
    category: 'history',
    title: 'Framework agreement for all three mills',
    description: 'Single supplier of drives and hydraulic parts.',
  }),
  hiddenEntry('D0008', 'A001'),
  visibleEntry({
    entry_id: 'D0101',
    account_id: 'A002',
    date: '2026-01-11',
    category: 'samples',
    title: 'Free samples of food-grade bearings for Smith line',
    cost: 700,
    client_value: 2_100,
  }),
  hiddenEntry('D0102', 'A002'),
  hiddenEntry('D0301', 'A003'),
];

const KPIS: Kpi[] = [
  {
    account_id: 'A001',
    period: '2026-Q2',
    metric: 'On-time delivery',
    value: 93.4,
    unit: '%',
    target: 95,
    benchmark: 92,
    client_visible: true,
  },
  {
    account_id: 'A001',
    period: '2026-Q3',
    metric: 'On-time delivery',
    value: 96.1,
    unit: '%',
    target: 95,
    benchmark: 92,
    client_visible: true,
  },
  {
    account_id: 'A001',
    period: '2026-Q3',
    metric: 'Lead time',
    value: 11,
    unit: 'days',
    target: 14,
    benchmark: 18,
    client_visible: true,
  },
  {
    account_id: 'A001',
    period: '2026-Q3',
    metric: HIDDEN_KPI_METRICS[0],
    value: 0.8123,
    unit: 'index',
    target: 1,
    client_visible: false,
  },
  {
    account_id: 'A002',
    period: '2026-Q3',
    metric: 'Defect rate',
    value: 310,
    unit: 'ppm',
    target: 250,
    client_visible: true,
  },
  {
    account_id: 'A002',
    period: '2026-Q3',
    metric: HIDDEN_KPI_METRICS[1],
    value: 1.4321,
    unit: 'index',
    target: 1,
    client_visible: false,
  },
];

const COMMITMENTS: Commitment[] = [
  {
    commitment_id: 'K0001',
    account_id: 'A001',
    description: 'Hold 40 critical bearings in stock',
    owner_id: 'M01',
    made_on: '2026-01-10',
    due: '2026-02-15',
    done_on: '2026-02-14',
    client_visible: true,
  },
  {
    commitment_id: 'K0002',
    account_id: 'A001',
    description: 'Deliver the drive retrofit proposal',
    owner_id: 'M01',
    made_on: '2026-03-01',
    due: '2026-04-01',
    done_on: '2026-04-20',
    client_visible: true,
  },
  {
    commitment_id: 'K0003',
    account_id: 'A001',
    description: 'Second hydraulics course for the night shift',
    owner_id: 'M03',
    made_on: '2026-09-01',
    due: '2027-01-31',
    client_visible: true,
  },
  {
    commitment_id: 'K0004',
    account_id: 'A001',
    description: 'Vibration survey of line 3',
    owner_id: 'M03',
    made_on: '2026-08-01',
    due: '2026-10-31',
    client_visible: true,
  },
  {
    commitment_id: 'K0005',
    account_id: 'A001',
    description: `Price review before renewal ${marker('HIDDEN-COMMITMENT', 'K0005')}`,
    owner_id: 'M01',
    due: '2026-12-01',
    client_visible: false,
  },
  {
    commitment_id: 'K0101',
    account_id: 'A002',
    description: 'Smith line audit',
    owner_id: 'M02',
    due: '2026-06-30',
    done_on: '2026-06-01',
    client_visible: true,
  },
  {
    commitment_id: 'K0102',
    account_id: 'A002',
    description: `Discount study ${marker('HIDDEN-COMMITMENT', 'K0102')}`,
    owner_id: 'M02',
    due: '2026-06-30',
    client_visible: false,
  },
];

/** Scores that give distinctive A and S (several decimals) for the current period. */
function scoresFor(accountId: string, period: string, base: number): Score[] {
  return defaultCriteria('en').map((c, i) => ({
    account_id: accountId,
    period,
    criterion_id: c.criterion_id,
    score: Math.min(10, base + ((i * 7) % 5) * 0.35 + (i === 2 ? 0.4 : 0)),
    comment: `Scored in the QBR. ${marker('SCORE-COMMENT', accountId, period, c.criterion_id)}`,
  }));
}

export const CONTACT_NAMES = ['Olga Petrova', 'James Whitfield', 'Irina Sokolova'];
export const TEAM_NAMES = ['Anna Kuznetsova', 'Peter Lund', 'Maria Orlova'];
export const SURVEY_QUESTION = 'How satisfied are you with our field service?';

/** A fresh copy each call, so a test may change rows without touching the others. */
export function fixtureDatasets(): Datasets {
  const settings = settingsSchema.parse({
    company_name: 'Volga Industrial Components',
    currency: 'EUR',
    locale: 'en',
    current_period: PERIOD,
    retention_rate: 0.9,
  });
  return {
    settings,
    settingsGiven: ['company_name', 'currency', 'locale', 'current_period', 'retention_rate'],
    team: [
      {
        member_id: 'M01',
        name: TEAM_NAMES[0] as string,
        role: 'kam',
        email: 'anna.k@volga-ic.example',
        professionalism: 4,
        has_support_staff: true,
      },
      {
        member_id: 'M02',
        name: TEAM_NAMES[1] as string,
        role: 'kam',
        email: 'peter.l@volga-ic.example',
        professionalism: 3,
        has_support_staff: false,
      },
      {
        member_id: 'M03',
        name: TEAM_NAMES[2] as string,
        role: 'support',
        professionalism: 3,
        has_support_staff: false,
      },
    ],
    accounts: structuredClone(ACCOUNTS),
    criteria: defaultCriteria('en'),
    scores: [
      ...scoresFor('A001', '2026-Q2', 6),
      ...scoresFor('A001', PERIOD, 7),
      ...scoresFor('A002', PERIOD, 3),
    ],
    positioning: [
      { account_id: 'A001', period: PERIOD, risk: 8, spend: 7 },
      { account_id: 'A002', period: PERIOD, risk: 3, spend: 6 },
    ],
    financials: [
      {
        account_id: 'A001',
        period: '2026-Q2',
        revenue_goods: 812_345.67,
        revenue_services: 45_678.9,
        revenue_ip: 0,
        cogs: 598_765.43,
        service_cost: 34_567.89,
        acquisition_cost: 0,
        knowledge_cost: 4_321.09,
        relationship_cost: 7_654.32,
      },
      {
        account_id: 'A001',
        period: PERIOD,
        revenue_goods: 876_543.21,
        revenue_services: 51_234.56,
        revenue_ip: 12_345.67,
        cogs: 634_567.89,
        service_cost: 38_765.43,
        acquisition_cost: 0,
        knowledge_cost: 5_432.1,
        relationship_cost: 8_765.43,
      },
      {
        account_id: 'A002',
        period: PERIOD,
        revenue_goods: 123_456.78,
        revenue_services: 0,
        revenue_ip: 0,
        cogs: 118_765.43,
        service_cost: 9_876.54,
        acquisition_cost: 1_234.56,
        knowledge_cost: 0,
        relationship_cost: 2_345.67,
      },
    ],
    dossier: structuredClone(DOSSIER),
    kpis: structuredClone(KPIS),
    contacts: [
      {
        contact_id: 'C0001',
        account_id: 'A001',
        name: CONTACT_NAMES[0] as string,
        title: 'Chief procurement officer',
        dmu_role: 'decision_maker',
        influence: 5,
        attitude: -1,
        owner_id: 'M01',
        reachable: false,
        last_contact: '2026-06-01',
        internal_notes: `Prefers the competitor. ${marker('CONTACT-NOTE', 'C0001')}`,
      },
      {
        contact_id: 'C0002',
        account_id: 'A001',
        name: CONTACT_NAMES[1] as string,
        title: 'Maintenance manager',
        dmu_role: 'user',
        influence: 3,
        attitude: 2,
        owner_id: 'M03',
        reachable: true,
        internal_notes: `Champion. ${marker('CONTACT-NOTE', 'C0002')}`,
      },
      {
        contact_id: 'C0101',
        account_id: 'A002',
        name: CONTACT_NAMES[2] as string,
        dmu_role: 'buyer',
        influence: 4,
        attitude: 0,
        reachable: true,
        internal_notes: marker('CONTACT-NOTE', 'C0101'),
      },
    ],
    commitments: structuredClone(COMMITMENTS),
    surveys: [{ survey_id: 'S001', account_id: 'A001', date: '2026-05-20', invited: 12 }],
    feedback: [
      {
        survey_id: 'S001',
        respondent: 'C0001',
        question: SURVEY_QUESTION,
        score: 4,
        comment: `Too expensive. ${marker('FEEDBACK-COMMENT', 'S001', 'C0001')}`,
      },
      {
        survey_id: 'S001',
        respondent: 'C0002',
        question: SURVEY_QUESTION,
        score: 9,
        comment: marker('FEEDBACK-COMMENT', 'S001', 'C0002'),
      },
    ],
    compensation: [{ member_id: 'M01', period: '2026', base_pay: 61_000, variable_max: 24_000 }],
    objectives: [
      {
        objective_id: 'O001',
        account_id: 'A001',
        title: 'Raise our share of your bearing spend',
        kind: 'share_of_wallet',
        metric: 'Share of bearing spend',
        baseline: 0.271828,
        target: 0.45,
        due: '2027-06-30',
        owner_id: 'M01',
        status: 'open',
        client_visible: true,
        internal_notes: `Their CFO wants a second source. ${marker('OBJECTIVE-NOTE', 'O001')}`,
      },
      {
        // Marked visible by mistake: profitability never reaches a client.
        objective_id: 'O002',
        account_id: 'A001',
        title: `Margin back above 8 % ${marker('HIDDEN-OBJECTIVE', 'O002')}`,
        kind: 'profitability',
        metric: `NOPAT ${marker('HIDDEN-OBJECTIVE', 'O002', 'metric')}`,
        baseline: 123_456.78,
        target: 250_000,
        due: '2027-03-31',
        status: 'open',
        client_visible: true,
      },
      {
        objective_id: 'O003',
        account_id: 'A001',
        title: `Win the mill 3 drives tender ${marker('HIDDEN-OBJECTIVE', 'O003')}`,
        kind: 'growth',
        baseline: 10,
        target: 20,
        current: 13.579,
        due: '2026-12-31',
        owner_id: 'M02',
        status: 'open',
        client_visible: false,
        internal_notes: marker('OBJECTIVE-NOTE', 'O003'),
      },
      {
        objective_id: 'O004',
        account_id: 'A002',
        title: 'Renew the packaging framework agreement',
        kind: 'retention',
        target: 1,
        due: '2027-02-28',
        status: 'open',
        client_visible: true,
      },
    ],
    actions: [
      {
        action_id: 'X001',
        objective_id: 'O001',
        title: `Map the bearing spend per mill ${marker('ACTION', 'X001')}`,
        owner_id: 'M02',
        due: '2026-10-15',
      },
      {
        action_id: 'X002',
        objective_id: 'O003',
        title: `Pre-qualify for the tender ${marker('ACTION', 'X002')}`,
        owner_id: 'M01',
        due: '2026-12-01',
        done_on: '2026-11-02',
      },
    ],
    offerings: [
      {
        account_id: 'A001',
        offering: `Hydraulic service contracts ${marker('OFFERING', 'A001')}`,
        unit: `Mill 2 ${marker('UNIT', 'A001')}`,
        status: 'opportunity',
        annual_value: 777_777,
      },
      {
        account_id: 'A001',
        offering: `Spherical roller bearings ${marker('OFFERING', 'A001', 'b')}`,
        status: 'bought',
        annual_value: 1_234_567,
      },
    ],
  };
}

export function fixturePortfolio(overrides: { locale?: 'en' | 'ru' } = {}): Portfolio {
  const data = fixtureDatasets();
  if (overrides.locale) data.settings = { ...data.settings, locale: overrides.locale };
  return computePortfolio(data, { today: TODAY });
}
