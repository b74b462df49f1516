/** Small record factories so domain tests state only what matters to them. */
import {
  emptyLists,
  settingsSchema,
  type RowDatasets,
  type Account,
  type Action,
  type Commitment,
  type Compensation,
  type Contact,
  type Criterion,
  type Datasets,
  type DossierEntry,
  type Feedback,
  type Financial,
  type Kpi,
  type Objective,
  type Offering,
  type Positioning,
  type Score,
  type Settings,
  type Survey,
  type TeamMember,
} from '../../../src/schema/index.ts';

export function settings(over: Partial<Settings> = {}): Settings {
  return { ...settingsSchema.parse({}), ...over };
}

export function datasets(
  over: Omit<Partial<Datasets>, 'settings'> & { settings?: Partial<Settings> } = {},
): Datasets {
  return {
    ...(emptyLists() as unknown as RowDatasets),
    settingsGiven: [],
    criteria: [criterion('a1', 'attractiveness'), criterion('s1', 'strength')],
    ...over,
    settings: settings(over.settings),
  };
}

export const member = (member_id: string, over: Partial<TeamMember> = {}): TeamMember => ({
  member_id,
  name: `Member ${member_id}`,
  role: 'kam',
  professionalism: 3,
  has_support_staff: false,
  ...over,
});

// Optional columns with blank = unknown are typed as present-but-undefined; leave them out.
export const account = (account_id: string, over: Partial<Account> = {}): Account =>
  ({
    account_id,
    name: `Account ${account_id}`,
    kam_id: 'k1',
    since: '2020-01-01',
    status: 'active',
    ...over,
  }) as Account;

export const criterion = (criterion_id: string, matrix: Criterion['matrix'], weight = 1): Criterion => ({
  criterion_id,
  matrix,
  name: criterion_id,
  weight,
});

export const score = (account_id: string, period: string, criterion_id: string, value: number): Score => ({
  account_id,
  period,
  criterion_id,
  score: value,
});

/** Scores for several criteria at once: scores('a', '2026-Q2', { c1: 5, c2: 7 }). */
export const scores = (account_id: string, period: string, byCriterion: Record<string, number>): Score[] =>
  Object.entries(byCriterion).map(([c, v]) => score(account_id, period, c, v));

export const positioning = (
  account_id: string,
  period: string,
  risk: number,
  spend: number,
): Positioning => ({
  account_id,
  period,
  risk,
  spend,
});

export const financial = (account_id: string, period: string, over: Partial<Financial> = {}): Financial => ({
  account_id,
  period,
  revenue_goods: 0,
  revenue_services: 0,
  revenue_ip: 0,
  cogs: 0,
  service_cost: 0,
  acquisition_cost: 0,
  knowledge_cost: 0,
  relationship_cost: 0,
  ...over,
});

export const dossier = (
  entry_id: string,
  account_id: string,
  over: Partial<DossierEntry> = {},
): DossierEntry => ({
  entry_id,
  account_id,
  date: '2026-01-01',
  category: 'investment',
  title: entry_id,
  cost: 0,
  client_value: 0,
  validated: false,
  client_visible: false,
  ...over,
});

export const kpi = (
  account_id: string,
  period: string,
  metric: string,
  value: number,
  over: Partial<Kpi> = {},
): Kpi => ({
  account_id,
  period,
  metric,
  value,
  client_visible: false,
  ...over,
});

export const contact = (contact_id: string, account_id: string, over: Partial<Contact> = {}): Contact =>
  ({
    contact_id,
    account_id,
    name: `Contact ${contact_id}`,
    reachable: true,
    ...over,
  }) as Contact;

export const commitment = (
  commitment_id: string,
  account_id: string,
  due: string,
  over: Partial<Commitment> = {},
): Commitment => ({
  commitment_id,
  account_id,
  description: commitment_id,
  owner_id: 'k1',
  due,
  client_visible: false,
  ...over,
});

export const survey = (survey_id: string, account_id: string, date: string, invited: number): Survey => ({
  survey_id,
  account_id,
  date,
  invited,
});

export const answer = (survey_id: string, respondent: string, question: string, value: number): Feedback => ({
  survey_id,
  respondent,
  question,
  score: value,
});

export const pay = (
  member_id: string,
  period: string,
  base_pay: number,
  variable_max: number,
): Compensation => ({
  member_id,
  period,
  base_pay,
  variable_max,
});

export const objective = (
  objective_id: string,
  account_id: string,
  over: Partial<Objective> = {},
): Objective =>
  ({
    objective_id,
    account_id,
    title: `Objective ${objective_id}`,
    kind: 'other',
    target: 100,
    due: '2027-06-30',
    status: 'open',
    client_visible: false,
    ...over,
  }) as Objective;

export const action = (
  action_id: string,
  objective_id: string,
  due: string,
  over: Partial<Action> = {},
): Action =>
  ({
    action_id,
    objective_id,
    title: `Action ${action_id}`,
    owner_id: 'k1',
    due,
    ...over,
  }) as Action;

export const offering = (
  account_id: string,
  name: string,
  status: Offering['status'],
  over: Partial<Offering> = {},
): Offering => ({ account_id, offering: name, status, ...over }) as Offering;
