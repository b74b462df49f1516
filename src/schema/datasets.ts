/**
 * The datasets (docs/DATA-FORMAT.md): one zod object schema per sheet. Everything else (the reader's
 * header matching, the template workbook, the column docs, error messages and the record
 * types the domain core uses) is derived from these definitions.
 */
import { z } from 'zod';
import { col } from './columns.ts';

const { required: req, optional: opt } = col;

export const ROLES = ['kam', 'team_member', 'support', 'manager'] as const;
export const ACCOUNT_STATUSES = ['active', 'lost', 'prospect'] as const;
export const MATRICES = ['attractiveness', 'strength'] as const;
export const DOSSIER_CATEGORIES = [
  'investment',
  'training',
  'consulting',
  'safety_stock',
  'samples',
  'expedited_delivery',
  'benefit',
  'problem_solved',
  'special_event',
  'history',
] as const;
export const DMU_ROLES = [
  'decision_maker',
  'influencer',
  'buyer',
  'user',
  'gatekeeper',
  'technical',
  'other',
] as const;

export const OBJECTIVE_KINDS = [
  'retention',
  'growth',
  'share_of_wallet',
  'profitability',
  'satisfaction',
  'relationship',
  'other',
] as const;
export const OBJECTIVE_STATUSES = ['open', 'done', 'dropped'] as const;
export const OFFERING_STATUSES = ['bought', 'pipeline', 'opportunity', 'not_relevant'] as const;

export type Role = (typeof ROLES)[number];
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export type MatrixName = (typeof MATRICES)[number];
export type DossierCategory = (typeof DOSSIER_CATEGORIES)[number];
export type DmuRole = (typeof DMU_ROLES)[number];
export type ObjectiveKind = (typeof OBJECTIVE_KINDS)[number];
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export type OfferingStatus = (typeof OFFERING_STATUSES)[number];

const ROLE_RU = {
  kam: 'менеджер KAM',
  team_member: 'член команды',
  support: 'поддержка',
  manager: 'руководитель',
} as const;
const STATUS_RU = { active: 'активный', lost: 'потерян', prospect: 'потенциальный' } as const;
const MATRIX_RU = { attractiveness: 'привлекательность', strength: 'сила' } as const;
const CATEGORY_RU = {
  investment: 'инвестиции',
  training: 'обучение',
  consulting: 'консультации',
  safety_stock: 'резервный запас',
  samples: 'образцы',
  expedited_delivery: 'ускоренная поставка',
  benefit: 'выгода',
  problem_solved: 'решение проблемы',
  special_event: 'особое мероприятие',
  history: 'история',
} as const;
const DMU_RU = {
  decision_maker: 'лицо, принимающее решение',
  influencer: 'влияющее лицо',
  buyer: 'закупщик',
  user: 'пользователь',
  gatekeeper: 'привратник',
  technical: 'технический эксперт',
  other: 'другое',
} as const;
const KIND_RU = {
  retention: 'удержание',
  growth: 'рост',
  share_of_wallet: 'доля_кошелька',
  profitability: 'прибыльность',
  satisfaction: 'удовлетворенность',
  relationship: 'отношения',
  other: 'другое',
} as const;
const OBJECTIVE_STATUS_RU = { open: 'открыта', done: 'выполнена', dropped: 'отменена' } as const;
const OFFERING_STATUS_RU = {
  bought: 'покупает',
  pipeline: 'в_работе',
  opportunity: 'возможность',
  not_relevant: 'не_актуально',
} as const;

// Russian header aliases shared by several datasets (docs/DATA-FORMAT.md).
const RU = {
  account_id: ['клиент_id', 'код_клиента'],
  name: ['наименование', 'имя'],
  period: ['период'],
  description: ['описание'],
  internal_notes: ['внутренние_заметки'],
  client_visible: ['видно_клиенту'],
  comment: ['комментарий'],
  date: ['дата'],
  owner_id: ['ответственный_id'],
  member_id: ['сотрудник_id'],
  region: ['регион'],
  title: ['заголовок'],
  due: ['срок'],
  done_on: ['выполнено'],
  status: ['статус'],
} as const;

const clientVisible = opt.bool('Shown in the client bundle when yes.', false, {
  ru: RU.client_visible,
});

export const settingsRow = z.object({
  key: req.id('Setting name (see the settings keys in the README sheet).', { ru: ['ключ'] }),
  value: req.text('Setting value.', { ru: ['значение'] }),
});

export const teamRow = z.object({
  member_id: req.id('Unique id of the team member.', { ru: RU.member_id }),
  name: req.text('Full name.', { ru: RU.name }),
  role: req.enumOf(ROLES, ROLE_RU, 'Role in the key account team.', { ru: ['роль'] }),
  email: opt.text('Work e-mail.', { ru: ['почта'] }),
  professionalism: opt.integerOr(3, 'Professionalism 1–5; raises the workload capacity.', {
    ru: ['профессионализм'],
    min: 1,
    max: 5,
  }),
  has_support_staff: opt.bool('Support staff take administration off this person.', false, {
    ru: ['есть_ассистент'],
  }),
  region: opt.text('Region the member covers.', { ru: RU.region }),
});

export const accountRow = z.object({
  account_id: req.id('Unique id of the client account.', { ru: RU.account_id }),
  name: req.text('Client name (shown to the client in its bundle).', { ru: RU.name }),
  kam_id: req.id('Key account manager (team member_id).', {
    ru: ['менеджер_id'],
    ref: 'team.member_id',
  }),
  since: req.date('Date the client relationship started.', { ru: ['клиент_с'] }),
  status: opt.enumOr(ACCOUNT_STATUSES, STATUS_RU, 'active', 'Relationship status.', { ru: ['статус'] }),
  lost_on: opt.date('Date the client was lost (status lost).', { ru: ['потерян'] }),
  industry: opt.text('Industry.', { ru: ['отрасль'] }),
  region: opt.text('Region.', { ru: RU.region }),
  potential: opt.moneyOrUnknown('Potential purchases from us, money a year.', {
    ru: ['потенциал'],
  }),
  wallet: opt.moneyOrUnknown(
    "The client's total purchases in our categories from all suppliers, money a year.",
    { ru: ['бюджет_клиента'] },
  ),
  distance_km: opt.number('Distance to the client’s offices, km.', {
    ru: ['расстояние_км'],
    min: 0,
  }),
  purchase_centralization: opt.integer('Purchase centralisation 1–5 (5 = fully central).', {
    ru: ['централизация_закупок'],
    min: 1,
    max: 5,
  }),
  competition: opt.integer('Competitive pressure 1–5.', { ru: ['конкуренция'], min: 1, max: 5 }),
  description: opt.text('Client-safe description (appears in the client bundle).', {
    ru: RU.description,
  }),
  internal_notes: opt.text('Internal notes; never shown to the client.', {
    ru: RU.internal_notes,
  }),
});

export const criterionRow = z.object({
  criterion_id: req.id('Unique id of the criterion.', { ru: ['критерий_id'] }),
  matrix: req.enumOf(
    MATRICES,
    MATRIX_RU,
    'attractiveness (do we like the client) or strength (does the client like us).',
    { ru: ['матрица'] },
  ),
  name: req.text('Criterion name.', { ru: RU.name }),
  weight: req.number('Weight, greater than 0.', { ru: ['вес'], gt: 0 }),
  description: opt.text('What the criterion means and how to score it.', {
    ru: RU.description,
  }),
});

export const scoreRow = z.object({
  account_id: req.id('Account scored.', { ru: RU.account_id, ref: 'accounts.account_id' }),
  period: req.period('Period: YYYY, YYYY-Qn or YYYY-MM.', { ru: RU.period }),
  criterion_id: req.id('Criterion scored.', {
    ru: ['критерий_id'],
    ref: 'criteria.criterion_id',
  }),
  score: req.number('Score 0–10.', { ru: ['оценка'], min: 0, max: 10 }),
  comment: opt.text('Why this score (internal).', { ru: RU.comment }),
});

export const positioningRow = z.object({
  account_id: req.id('Account.', { ru: RU.account_id, ref: 'accounts.account_id' }),
  period: req.period('Period: YYYY, YYYY-Qn or YYYY-MM.', { ru: RU.period }),
  risk: req.number('0–10: how critical our supply is to the client.', {
    ru: ['риск'],
    min: 0,
    max: 10,
  }),
  spend: req.number("0–10: how large our business is in the client's total purchases.", {
    ru: ['объем'],
    min: 0,
    max: 10,
  }),
});

export const financialRow = z.object({
  account_id: req.id('Account.', { ru: RU.account_id, ref: 'accounts.account_id' }),
  period: req.period('Period: YYYY, YYYY-Qn or YYYY-MM.', { ru: RU.period }),
  revenue_goods: opt.money('Revenue from goods.', { ru: ['выручка_товары'] }),
  revenue_services: opt.money('Revenue from services.', { ru: ['выручка_услуги'] }),
  revenue_ip: opt.money('Revenue from intellectual capital (licences, know-how).', {
    ru: ['выручка_ик'],
  }),
  cogs: opt.money('Cost of goods and services sold.', { ru: ['себестоимость'] }),
  service_cost: opt.money('Account administration and service cost.', {
    ru: ['затраты_обслуживание'],
  }),
  acquisition_cost: opt.money('Cost of finding and winning the client.', {
    ru: ['затраты_привлечение'],
  }),
  knowledge_cost: opt.money('Cost of acquiring, storing and using knowledge of the client.', {
    ru: ['затраты_знания'],
  }),
  relationship_cost: opt.money('Cost of keeping up the relationship.', {
    ru: ['затраты_отношения'],
  }),
});

export const dossierRow = z.object({
  entry_id: req.id('Unique id of the dossier entry.', { ru: ['запись_id'] }),
  account_id: req.id('Account.', { ru: RU.account_id, ref: 'accounts.account_id' }),
  date: req.date('Date of the entry.', { ru: RU.date }),
  category: req.enumOf(DOSSIER_CATEGORIES, CATEGORY_RU, 'Kind of value delivered.', {
    ru: ['категория'],
  }),
  title: req.text('Short title.', { ru: ['заголовок'] }),
  description: opt.text('What was done.', { ru: RU.description }),
  cost: opt.money('What it cost us.', { ru: ['затраты'] }),
  client_value: opt.money('What it is worth to the client.', { ru: ['ценность_для_клиента'] }),
  validated: opt.bool('The client confirmed the value.', false, { ru: ['подтверждено'] }),
  evidence: opt.text('A reference or URL backing the value.', { ru: ['подтверждение'] }),
  client_visible: clientVisible,
});

export const kpiRow = z.object({
  account_id: req.id('Account.', { ru: RU.account_id, ref: 'accounts.account_id' }),
  period: req.period('Period: YYYY, YYYY-Qn or YYYY-MM.', { ru: RU.period }),
  metric: req.text('Metric name (e.g. on-time delivery).', { ru: ['показатель'] }),
  value: req.number('Measured value.', { ru: ['значение'] }),
  unit: opt.text('Unit (%, days, …).', { ru: ['единица'] }),
  target: opt.number('Target value.', { ru: ['цель'] }),
  benchmark: opt.number('Benchmark (e.g. market or competitor).', { ru: ['эталон'] }),
  client_visible: clientVisible,
});

export const contactRow = z.object({
  contact_id: req.id('Unique id of the contact.', { ru: ['контакт_id'] }),
  account_id: req.id('Account.', { ru: RU.account_id, ref: 'accounts.account_id' }),
  name: req.text('Full name.', { ru: RU.name }),
  title: opt.text('Job title.', { ru: ['заголовок', 'должность'] }),
  dmu_role: opt.enumOf(DMU_ROLES, DMU_RU, 'Role in the decision-making unit.', {
    ru: ['роль_в_закупке'],
  }),
  influence: opt.integer('Influence on the purchase 1–5.', { ru: ['влияние'], min: 1, max: 5 }),
  attitude: opt.integer('Attitude to us: −2 opponent … +2 champion.', {
    ru: ['отношение'],
    min: -2,
    max: 2,
  }),
  owner_id: opt.id('Team member who keeps this contact.', {
    ru: RU.owner_id,
    ref: 'team.member_id',
  }),
  reachable: opt.bool('Can the owner reach this person? No = hand over.', true, {
    ru: ['доступен'],
  }),
  last_contact: opt.date('Date of the last personal contact.', { ru: ['последний_контакт'] }),
  internal_notes: opt.text('Internal notes; never shown to the client.', {
    ru: RU.internal_notes,
  }),
});

export const commitmentRow = z.object({
  commitment_id: req.id('Unique id of the commitment.', { ru: ['обязательство_id'] }),
  account_id: req.id('Account.', { ru: RU.account_id, ref: 'accounts.account_id' }),
  description: req.text('What was promised.', { ru: RU.description }),
  owner_id: req.id('Team member responsible.', { ru: RU.owner_id, ref: 'team.member_id' }),
  made_on: opt.date('Date the promise was made.', { ru: ['дата_обязательства'] }),
  due: req.date('Due date.', { ru: ['срок'] }),
  done_on: opt.date('Date it was fulfilled.', { ru: ['выполнено'] }),
  client_visible: clientVisible,
});

export const surveyRow = z.object({
  survey_id: req.id('Unique id of the survey.', { ru: ['опрос_id'] }),
  account_id: req.id('Account surveyed.', { ru: RU.account_id, ref: 'accounts.account_id' }),
  date: req.date('Survey date.', { ru: RU.date }),
  invited: req.integer('People invited.', { ru: ['приглашено'], min: 1 }),
});

export const feedbackRow = z.object({
  survey_id: req.id('Survey.', { ru: ['опрос_id'], ref: 'surveys.survey_id' }),
  respondent: req.text('A contact_id or any label of the respondent.', { ru: ['респондент'] }),
  question: req.text('Question asked.', { ru: ['вопрос'] }),
  score: req.number('Score 0–10.', { ru: ['оценка'], min: 0, max: 10 }),
  comment: opt.text('Free-text answer.', { ru: RU.comment }),
});

export const compensationRow = z.object({
  member_id: req.id('Team member.', { ru: RU.member_id, ref: 'team.member_id' }),
  period: req.period('Period: YYYY, YYYY-Qn or YYYY-MM.', { ru: RU.period }),
  base_pay: req.number('Base pay for the period.', { ru: ['оклад'], min: 0 }),
  variable_max: req.number('The most variable pay possible for the period.', {
    ru: ['переменная_часть_макс'],
    min: 0,
  }),
  variable_paid: opt.number('Variable pay actually paid.', {
    ru: ['переменная_часть_выплачено'],
    min: 0,
  }),
});

export const objectiveRow = z.object({
  objective_id: req.id('Unique id of the objective.', { ru: ['цель_id'] }),
  account_id: req.id('Account the objective is for.', { ru: RU.account_id, ref: 'accounts.account_id' }),
  title: req.text('What we want to achieve with the client.', { ru: RU.title }),
  kind: opt.enumOr(OBJECTIVE_KINDS, KIND_RU, 'other', 'Kind of objective.', { ru: ['вид'] }),
  metric: opt.text('What is measured (e.g. share of wallet, NPS).', { ru: ['показатель'] }),
  baseline: opt.number('Value when the objective was set.', { ru: ['база'] }),
  target: req.number('Value to reach.', { ru: ['цель'] }),
  current: opt.number(
    'Value now; when blank it is measured for share_of_wallet, profitability and satisfaction.',
    { ru: ['текущее'] },
  ),
  due: req.date('Date the target should be reached.', { ru: RU.due }),
  owner_id: opt.id('Team member who owns the objective.', { ru: RU.owner_id, ref: 'team.member_id' }),
  status: opt.enumOr(OBJECTIVE_STATUSES, OBJECTIVE_STATUS_RU, 'open', 'Objective status.', {
    ru: RU.status,
  }),
  client_visible: opt.bool(
    'Shown in the client bundle as the joint plan when yes (never for profitability).',
    false,
    { ru: RU.client_visible },
  ),
  internal_notes: opt.text('Internal notes; never shown to the client.', {
    ru: RU.internal_notes,
  }),
});

export const actionRow = z.object({
  action_id: req.id('Unique id of the action.', { ru: ['действие_id'] }),
  objective_id: req.id('Objective the action serves.', {
    ru: ['цель_id'],
    ref: 'objectives.objective_id',
  }),
  title: req.text('What will be done.', { ru: RU.title }),
  owner_id: req.id('Team member responsible.', { ru: RU.owner_id, ref: 'team.member_id' }),
  due: req.date('Due date.', { ru: RU.due }),
  done_on: opt.date('Date it was done.', { ru: RU.done_on }),
});

export const offeringRow = z.object({
  account_id: req.id('Account.', { ru: RU.account_id, ref: 'accounts.account_id' }),
  offering: req.text('Our product line or service.', { ru: ['предложение'] }),
  unit: opt.text("The client's business unit or site (blank = the whole client).", {
    ru: ['подразделение'],
  }),
  status: req.enumOf(OFFERING_STATUSES, OFFERING_STATUS_RU, 'Whether the client buys it.', {
    ru: RU.status,
  }),
  annual_value: opt.moneyOrUnknown('Money a year: current for bought, estimated otherwise.', {
    ru: ['годовой_объем'],
  }),
});

export interface DatasetDef<S extends z.ZodObject = z.ZodObject> {
  name: string;
  ru: string;
  doc: string;
  schema: S;
  /** Columns whose values together must be unique. */
  key: readonly (keyof z.infer<S> & string)[];
}

function dataset<S extends z.ZodObject>(d: DatasetDef<S>): DatasetDef<S> {
  return d;
}

/** Every dataset, in the order sheets appear in the template workbook. */
export const DATASETS = {
  settings: dataset({
    name: 'settings',
    ru: 'настройки',
    doc: 'Portfolio settings as key/value rows; every key is optional.',
    schema: settingsRow,
    key: ['key'],
  }),
  team: dataset({
    name: 'team',
    ru: 'команда',
    doc: 'The key account team.',
    schema: teamRow,
    key: ['member_id'],
  }),
  accounts: dataset({
    name: 'accounts',
    ru: 'клиенты',
    doc: 'One row per client account.',
    schema: accountRow,
    key: ['account_id'],
  }),
  criteria: dataset({
    name: 'criteria',
    ru: 'критерии',
    doc: 'Criteria of the two matrices; when absent, the default criteria apply.',
    schema: criterionRow,
    key: ['criterion_id'],
  }),
  scores: dataset({
    name: 'scores',
    ru: 'оценки',
    doc: 'Score of each account on each criterion per period.',
    schema: scoreRow,
    key: ['account_id', 'period', 'criterion_id'],
  }),
  positioning: dataset({
    name: 'positioning',
    ru: 'позиционирование',
    doc: "The client's view of us as a supplier, per period.",
    schema: positioningRow,
    key: ['account_id', 'period'],
  }),
  financials: dataset({
    name: 'financials',
    ru: 'финансы',
    doc: 'Revenue and cost to serve per account and period.',
    schema: financialRow,
    key: ['account_id', 'period'],
  }),
  dossier: dataset({
    name: 'dossier',
    ru: 'досье',
    doc: 'The value dossier: everything given to the client beyond the product, in money.',
    schema: dossierRow,
    key: ['entry_id'],
  }),
  kpis: dataset({
    name: 'kpis',
    ru: 'показатели',
    doc: 'Performance figures per account and period.',
    schema: kpiRow,
    key: ['account_id', 'period', 'metric'],
  }),
  contacts: dataset({
    name: 'contacts',
    ru: 'контакты',
    doc: 'People at the client and the decision-making unit.',
    schema: contactRow,
    key: ['contact_id'],
  }),
  commitments: dataset({
    name: 'commitments',
    ru: 'обязательства',
    doc: 'Every promise made to a client and its fulfilment.',
    schema: commitmentRow,
    key: ['commitment_id'],
  }),
  surveys: dataset({
    name: 'surveys',
    ru: 'опросы',
    doc: 'Voice of the Customer surveys.',
    schema: surveyRow,
    key: ['survey_id'],
  }),
  feedback: dataset({
    name: 'feedback',
    ru: 'отзывы',
    doc: 'Survey answers.',
    schema: feedbackRow,
    key: ['survey_id', 'respondent', 'question'],
  }),
  compensation: dataset({
    name: 'compensation',
    ru: 'вознаграждение',
    doc: 'Pay of team members per period.',
    schema: compensationRow,
    key: ['member_id', 'period'],
  }),
  objectives: dataset({
    name: 'objectives',
    ru: 'цели',
    doc: 'Account plans: objectives per account, with targets and due dates.',
    schema: objectiveRow,
    key: ['objective_id'],
  }),
  actions: dataset({
    name: 'actions',
    ru: 'действия',
    doc: 'Actions that move an objective forward.',
    schema: actionRow,
    key: ['action_id'],
  }),
  offerings: dataset({
    name: 'offerings',
    ru: 'предложения',
    doc: 'What each client (or business unit) buys from us, what is in the pipeline, what is open.',
    schema: offeringRow,
    key: ['account_id', 'offering', 'unit'],
  }),
} as const;

export type DatasetName = keyof typeof DATASETS;
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

export type SettingRow = z.infer<typeof settingsRow>;
export type TeamMember = z.infer<typeof teamRow>;
export type Account = z.infer<typeof accountRow>;
export type Criterion = z.infer<typeof criterionRow>;
export type Score = z.infer<typeof scoreRow>;
export type Positioning = z.infer<typeof positioningRow>;
export type Financial = z.infer<typeof financialRow>;
export type DossierEntry = z.infer<typeof dossierRow>;
export type Kpi = z.infer<typeof kpiRow>;
export type Contact = z.infer<typeof contactRow>;
export type Commitment = z.infer<typeof commitmentRow>;
export type Survey = z.infer<typeof surveyRow>;
export type Feedback = z.infer<typeof feedbackRow>;
export type Compensation = z.infer<typeof compensationRow>;
export type Objective = z.infer<typeof objectiveRow>;
export type Action = z.infer<typeof actionRow>;
export type Offering = z.infer<typeof offeringRow>;

/** The record type of each dataset. */
export type RecordOf<N extends DatasetName> = z.infer<(typeof DATASETS)[N]['schema']>;
