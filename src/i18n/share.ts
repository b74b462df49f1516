/**
 * Strings of the client value dossier bundle (src/share). One object per locale with the same
 * keys. These words reach clients: they must never name internal concepts (segments, supplier
 * positions, profit) — the leak test checks the bundle chrome for them.
 */
import type { CommitmentState, ObjectiveState } from '../domain/types.ts';
import type { DossierCategory } from '../schema/index.ts';
import type { Locale } from './format.ts';

export interface ShareMessages {
  documentTitle: string;
  preparedBy: string;
  reportingPeriod: string;
  issued: string;
  since: string;
  intro: (client: string, company: string | null) => string;
  contents: string;
  headlineValue: string;
  headlineInvestment: string;
  headlineConfirmed: string;
  valueTitle: string;
  valueLead: string;
  valueNone: string;
  entriesTitle: string;
  entriesLead: string;
  entriesNone: string;
  kpisTitle: string;
  kpisLead: string;
  kpisNone: string;
  commitmentsTitle: string;
  commitmentsLead: string;
  commitmentsNone: string;
  commitmentsKept: (onTime: string, judged: string) => string;
  timelineTitle: string;
  timelineLead: string;
  timelineStart: string;
  timelineNone: string;
  colCategory: string;
  colEntries: string;
  colInvestment: string;
  colValue: string;
  colConfirmed: string;
  colShare: string;
  colDate: string;
  colEntry: string;
  colEvidence: string;
  colMetric: string;
  colPeriod: string;
  colResult: string;
  colTarget: string;
  colBenchmark: string;
  colCommitment: string;
  colMadeOn: string;
  colDue: string;
  colDoneOn: string;
  colStatus: string;
  total: string;
  confirmed: string;
  notConfirmed: string;
  confidential: (client: string) => string;
  categories: Record<DossierCategory, string>;
  states: Record<CommitmentState, string>;
  planTitle: string;
  planLead: string;
  colObjective: string;
  planStates: Record<ObjectiveState, string>;
}

const en: ShareMessages = {
  documentTitle: 'Value dossier',
  preparedBy: 'Prepared by',
  reportingPeriod: 'Reporting period',
  issued: 'Issued',
  since: 'Working together since',
  intro: (client, company) =>
    `This dossier sets out, in money, what ${company ?? 'we'} ${company ? 'has' : 'have'} provided to ${client} beyond the products themselves: investments made on your behalf, training, consulting, safety stock, samples, expedited deliveries, problems solved and special efforts — and the benefits they brought.`,
  contents: 'Contents',
  headlineValue: 'Value delivered to you',
  headlineInvestment: 'Our investment',
  headlineConfirmed: 'Confirmed by you',
  valueTitle: 'Value delivered by category',
  valueLead: 'Totals over every entry in this dossier that carries a money value.',
  valueNone: 'No entries with a money value have been recorded yet.',
  entriesTitle: 'What we did for you',
  entriesLead: 'Each entry, with what it cost us and what it is worth to you.',
  entriesNone: 'No entries have been recorded yet.',
  kpisTitle: 'Our performance',
  kpisLead: 'Measured results against the agreed target and the market benchmark.',
  kpisNone: 'No performance figures have been recorded yet.',
  commitmentsTitle: 'Our commitments to you',
  commitmentsLead: 'Every promise we recorded, and whether we kept it.',
  commitmentsNone: 'No commitments have been recorded yet.',
  commitmentsKept: (onTime, judged) => `${onTime} of ${judged} commitments that fell due were kept on time.`,
  timelineTitle: 'Our history together',
  timelineLead: 'Milestones since we started working together.',
  timelineStart: 'Start of our cooperation',
  timelineNone: 'Milestones of our cooperation will appear here.',
  colCategory: 'Category',
  colEntries: 'Entries',
  colInvestment: 'Our investment',
  colValue: 'Value to you',
  colConfirmed: 'Confirmed',
  colShare: 'Share of value',
  colDate: 'Date',
  colEntry: 'Entry',
  colEvidence: 'Evidence',
  colMetric: 'Metric',
  colPeriod: 'Period',
  colResult: 'Result',
  colTarget: 'Target',
  colBenchmark: 'Benchmark',
  colCommitment: 'Commitment',
  colMadeOn: 'Made on',
  colDue: 'Due',
  colDoneOn: 'Fulfilled on',
  colStatus: 'Status',
  total: 'Total',
  confirmed: 'Confirmed by you',
  notConfirmed: 'Our estimate',
  confidential: (client) => `Prepared for ${client}. Confidential.`,
  categories: {
    investment: 'Investments',
    training: 'Training',
    consulting: 'Consulting',
    safety_stock: 'Safety stock',
    samples: 'Samples',
    expedited_delivery: 'Expedited deliveries',
    benefit: 'Benefits',
    problem_solved: 'Problems solved',
    special_event: 'Special efforts',
    history: 'History',
  },
  states: {
    done_on_time: 'Done on time',
    done_late: 'Done late',
    open: 'Open',
    overdue: 'Overdue',
  },
  planTitle: 'Our joint plan',
  planLead: 'The goals we agreed to reach together, and where each one stands.',
  colObjective: 'Goal',
  planStates: {
    on_track: 'On track',
    at_risk: 'Needs attention',
    overdue: 'Past due',
    achieved: 'Achieved',
    dropped: 'Withdrawn',
  },
};

const ru: ShareMessages = {
  documentTitle: 'Стоимостное досье',
  preparedBy: 'Подготовила компания',
  reportingPeriod: 'Отчётный период',
  issued: 'Дата выпуска',
  since: 'Сотрудничаем с',
  intro: (client, company) =>
    `В этом досье в денежном выражении показано, что ${company ?? 'мы'} ${company ? 'предоставила' : 'предоставили'} компании ${client} сверх самой продукции: инвестиции в ваших интересах, обучение, консультации, резервный запас, образцы, ускоренные поставки, решённые проблемы и особые усилия — и выгоды, которые они принесли.`,
  contents: 'Содержание',
  headlineValue: 'Ценность для вас',
  headlineInvestment: 'Наши вложения',
  headlineConfirmed: 'Подтверждено вами',
  valueTitle: 'Ценность по категориям',
  valueLead: 'Итоги по всем записям досье, у которых есть денежная оценка.',
  valueNone: 'Записей с денежной оценкой пока нет.',
  entriesTitle: 'Что мы сделали для вас',
  entriesLead: 'Каждая запись: во что она обошлась нам и сколько она стоит для вас.',
  entriesNone: 'Записей пока нет.',
  kpisTitle: 'Показатели нашей работы',
  kpisLead: 'Фактические результаты в сравнении с согласованной целью и рыночным эталоном.',
  kpisNone: 'Показатели пока не внесены.',
  commitmentsTitle: 'Наши обязательства перед вами',
  commitmentsLead: 'Все зафиксированные обещания и их выполнение.',
  commitmentsNone: 'Обязательства пока не внесены.',
  commitmentsKept: (onTime, judged) =>
    `Выполнено в срок: ${onTime} из ${judged} обязательств, срок которых наступил.`,
  timelineTitle: 'История сотрудничества',
  timelineLead: 'Вехи нашей совместной работы.',
  timelineStart: 'Начало сотрудничества',
  timelineNone: 'Здесь появятся вехи нашего сотрудничества.',
  colCategory: 'Категория',
  colEntries: 'Записей',
  colInvestment: 'Наши вложения',
  colValue: 'Ценность для вас',
  colConfirmed: 'Подтверждено',
  colShare: 'Доля ценности',
  colDate: 'Дата',
  colEntry: 'Запись',
  colEvidence: 'Подтверждение',
  colMetric: 'Показатель',
  colPeriod: 'Период',
  colResult: 'Результат',
  colTarget: 'Цель',
  colBenchmark: 'Эталон',
  colCommitment: 'Обязательство',
  colMadeOn: 'Дата',
  colDue: 'Срок',
  colDoneOn: 'Выполнено',
  colStatus: 'Статус',
  total: 'Итого',
  confirmed: 'Подтверждено вами',
  notConfirmed: 'Наша оценка',
  confidential: (client) => `Подготовлено для ${client}. Конфиденциально.`,
  categories: {
    investment: 'Инвестиции',
    training: 'Обучение',
    consulting: 'Консультации',
    safety_stock: 'Резервный запас',
    samples: 'Образцы',
    expedited_delivery: 'Ускоренные поставки',
    benefit: 'Выгоды',
    problem_solved: 'Решённые проблемы',
    special_event: 'Особые усилия',
    history: 'История',
  },
  states: {
    done_on_time: 'Выполнено в срок',
    done_late: 'Выполнено с опозданием',
    open: 'В работе',
    overdue: 'Просрочено',
  },
  planTitle: 'Наш совместный план',
  planLead: 'Цели, которых мы договорились достичь вместе, и где каждая из них сейчас.',
  colObjective: 'Задача',
  planStates: {
    on_track: 'По плану',
    at_risk: 'Требует внимания',
    overdue: 'Срок прошёл',
    achieved: 'Достигнута',
    dropped: 'Отменена',
  },
};

export const SHARE_MESSAGES: Readonly<Record<Locale, ShareMessages>> = { en, ru };

export function shareMessages(locale: Locale): ShareMessages {
  return SHARE_MESSAGES[locale];
}
