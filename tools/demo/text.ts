/**
 * Word banks for the demo portfolio of "Volga Industrial Components", a fictional maker of
 * bearings, drives and hydraulic parts. All companies and people are invented.
 */

export const COMPANY_NAME = 'Volga Industrial Components';
export const EMAIL_DOMAIN = 'volga-ic.example';

/** The first accounts get these hand-written names; later ones are composed. */
export const DEMO_ACCOUNT_NAMES = [
  'АО «Уралтехмаш-Инжиниринг»',
  'Northwind Metals',
  'ООО «Волгатехпром-Сервис»',
  'Baltic Forge Ltd',
  'ПАО «СибЭнергоМаш-Холдинг»',
  'Smith & "Sons" Ltd',
  'ООО «Кедровый горный комбинат»',
  'Arctic Drilling Services',
  'АО «Невская верфь-Ремонт»',
  'Danube Cement Works',
  'ООО «Татполимер-Синтез»',
  'Caspian Pipe Coating',
  'АО «Енисейский литейный двор»',
  'Meridian Food Machinery',
  'ООО «Пермские моторные системы»',
  'Orion Rail Components',
  'ЗАО «Стеклотех Поволжья»',
  'Bergmann Paper Mills',
  'АО «Тюменская буровая компания»',
  'Hansa Packaging Group',
  'ООО «Шинные технологии Верхневолжья»',
  'Sterling Water Utilities',
  'АО «Рифейская сталь»',
  'Crescent Mining Holdings',
  'ООО «Окские автокомпоненты»',
  'Atlas Hydraulics GmbH',
  'АО «Беломорский бумажный комбинат»',
  'Pacific Bulk Terminals',
  'ООО «Жигулёвские подшипниковые системы»',
  'Ironbridge Foundry',
  'АО «Иртыш Нефтесервис»',
  'Greenfield Agro Machinery',
  'ООО «Янтарный элеватор»',
  'Lakeside Chemical Co.',
  'АО «Донской механический завод»',
  'Redwood Timber Processing',
  'ООО «Полярная энергосистема»',
  'Keystone Glass Industries',
  'АО «Саянский цементный завод»',
  'Silverline Marine Engines',
] as const;

export const EN_NAME_STEMS = [
  'North',
  'River',
  'Iron',
  'Stone',
  'Silver',
  'Granite',
  'Harbor',
  'Summit',
  'Cedar',
  'Falcon',
  'Eastgate',
  'Westbrook',
  'Highland',
  'Bluewater',
  'Copper',
  'Oakridge',
  'Pioneer',
  'Anchor',
  'Beacon',
  'Frontier',
] as const;
export const EN_NAME_TRADES = [
  'Metals',
  'Forge',
  'Mining',
  'Chemicals',
  'Rail',
  'Pipe',
  'Cement',
  'Paper',
  'Glass',
  'Machinery',
  'Energy',
  'Logistics',
] as const;
export const EN_NAME_FORMS = ['Ltd', 'Group', 'Inc.', 'Works'] as const;

export const RU_NAME_STEMS = [
  'Волга',
  'Кама',
  'Урал',
  'Енисей',
  'Ока',
  'Ангара',
  'Сура',
  'Вятка',
  'Печора',
  'Онега',
  'Ладога',
  'Амур',
  'Обь',
  'Тобол',
  'Чусовая',
  'Белая',
] as const;
export const RU_NAME_TRADES = [
  'техмаш',
  'металл',
  'энерго',
  'химпром',
  'стройсервис',
  'нефтемаш',
  'агропром',
  'литмаш',
  'трубпром',
  'бумпром',
] as const;
export const RU_NAME_FORMS = ['ООО', 'АО', 'ПАО', 'ЗАО'] as const;

export const INDUSTRIES = [
  'Mining',
  'Metals',
  'Oil & gas',
  'Chemicals',
  'Pulp & paper',
  'Food processing',
  'Rail',
  'Shipbuilding',
  'Energy',
  'Construction materials',
  'Automotive',
  'Agricultural machinery',
] as const;

export const RU_REGIONS = [
  'Volga',
  'Urals',
  'Siberia',
  'North-West',
  'Central',
  'South',
  'Far East',
] as const;
export const EN_REGIONS = ['Northern Europe', 'Central Europe', 'Central Asia', 'Middle East'] as const;

export const PRODUCTS = [
  'spherical roller bearings',
  'gearboxes and couplings',
  'hydraulic cylinders and seals',
  'drive chains and sprockets',
  'conveyor idlers',
  'pump and valve spares',
] as const;

export const INTERNAL_NOTES = [
  'Budget squeeze expected next year; keep margins private.',
  'Procurement director is pushing for a second supplier.',
  'Pays reliably but asks for extended credit terms every quarter.',
  'Open to a multi-year framework deal if we hold prices.',
  'New CFO is reviewing all maintenance contracts.',
  'Competitor offered a 12% discount on bearings; we did not match.',
  'Plant expansion planned; capex approval still pending.',
  'Technical team likes us, purchasing does not.',
] as const;

export const LOST_NOTES = [
  'Lost to a low-price competitor after the annual tender.',
  'Moved purchasing to the parent company abroad; we were not listed.',
  'Closed the plant we supplied.',
] as const;

export const SCORE_COMMENTS_HIGH = [
  'Consistently strong in the last review.',
  'Clear improvement since the joint workshop.',
  'Feedback from the plant was very positive.',
  'Paid every invoice on time this quarter.',
] as const;
export const SCORE_COMMENTS_LOW = [
  'Slipped again; discussed at the account review.',
  'Several complaints from the maintenance team.',
  'Invoices paid 30+ days late.',
  'Little information shared about next year’s plans.',
] as const;

export interface PersonNames {
  first: readonly string[];
  last: readonly string[];
}
export const RU_MALE: PersonNames = {
  first: ['Андрей', 'Сергей', 'Игорь', 'Павел', 'Виктор', 'Алексей', 'Михаил', 'Николай'],
  last: ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Лебедев', 'Козлов', 'Новиков', 'Морозов'],
};
export const RU_FEMALE: PersonNames = {
  first: ['Ольга', 'Наталья', 'Марина', 'Татьяна', 'Екатерина', 'Анна', 'Елена', 'Светлана'],
  last: ['Иванова', 'Смирнова', 'Кузнецова', 'Попова', 'Лебедева', 'Козлова', 'Новикова', 'Морозова'],
};
export const EN_PEOPLE: PersonNames = {
  first: ['John', 'Emma', 'Michael', 'Laura', 'David', 'Anna', 'Peter', 'Claire', 'Thomas', 'Sophie'],
  last: ['Brown', 'Taylor', 'Walker', 'Hughes', 'Fischer', 'Novak', 'Larsen', 'Murphy', "O'Brien", 'Schmidt'],
};

/** Contact titles in the client's language, by decision-making-unit role. */
export const CONTACT_TITLES: Record<string, { en: string; ru: string }> = {
  decision_maker: { en: 'Managing director', ru: 'Генеральный директор' },
  buyer: { en: 'Procurement manager', ru: 'Руководитель отдела закупок' },
  technical: { en: 'Chief engineer', ru: 'Главный инженер' },
  influencer: { en: 'Head of maintenance', ru: 'Начальник службы ремонта' },
  user: { en: 'Reliability engineer', ru: 'Инженер по надёжности' },
  gatekeeper: { en: 'Executive assistant', ru: 'Помощник директора' },
  other: { en: 'Finance controller', ru: 'Финансовый контролёр' },
};

export const CONTACT_NOTES = [
  'Prefers calls before 10:00; hates long e-mails.',
  'Retiring next year; successor not yet named.',
  'Was at a competitor until 2024.',
  'Sceptical about our prices, respects our engineers.',
  'Key ally in the last tender.',
] as const;

/** Dossier titles per category (English: the company works in English). */
export const DOSSIER_TITLES: Record<string, readonly string[]> = {
  investment: [
    'Free preventive inspection of the main conveyor drives',
    'Vibration sensors installed at our cost',
  ],
  training: [
    'Bearing-mounting training for the maintenance crew',
    'Lubrication workshop for plant engineers',
  ],
  consulting: ['Drive-train reliability audit', 'Spare-parts standardisation study'],
  safety_stock: [
    'Safety stock of critical bearings held in our warehouse',
    'Consignment stock of seals on site',
  ],
  samples: ['Free samples of the new sealed bearing series', 'Trial set of low-friction chains'],
  expedited_delivery: [
    'Overnight delivery of gearbox parts during a line stoppage',
    'Air freight of hydraulic seals',
  ],
  benefit: [
    'Unplanned downtime cut after the inspection programme',
    'Bearing life doubled on the crusher line',
  ],
  problem_solved: [
    'Root cause of repeated seal failures found and fixed',
    'Overheating of the kiln drive resolved',
  ],
  special_event: [
    'Weekend emergency crew restarted the kiln drive',
    'Joint stand at the regional industry fair',
  ],
  history: ['Framework agreement renewed for three years', 'Became preferred supplier for drive components'],
};

export const DOSSIER_DESCRIPTIONS: Record<string, string> = {
  investment: 'Done at our expense to prevent failures before they stop production.',
  training: 'Hands-on session run by our application engineers.',
  consulting: 'Findings and recommendations handed over in a written report.',
  safety_stock: 'Stock reserved for the client so critical parts ship the same day.',
  samples: 'Provided free of charge for testing on the client’s line.',
  expedited_delivery: 'Extra freight cost carried by us.',
  benefit: 'Measured by the client’s maintenance department.',
  problem_solved: 'Savings estimated from avoided downtime and repairs.',
  special_event: 'Outside normal working hours, at short notice.',
  history: 'A milestone in the relationship.',
};

export const COMMITMENTS = [
  'Deliver the spare bearing sets for the annual shutdown',
  'Send the revised price list for next year',
  'Run a lubrication training for the night shift',
  'Provide the failure analysis report for the crusher gearbox',
  'Set up consignment stock of critical seals',
  'Quote for the conveyor upgrade project',
  'Arrange a visit to our test centre',
  'Replace the warranty batch of couplings',
  'Share the on-time delivery statistics for the year',
  'Propose a standardised spare-parts list',
] as const;

export const SURVEY_QUESTIONS = [
  'Overall satisfaction',
  'Product quality',
  'Delivery reliability',
  'Technical support',
  'Ease of doing business',
  'Likelihood to recommend us',
] as const;

export const FEEDBACK_COMMENTS = [
  'Deliveries got noticeably better this year.',
  'Technical support is the reason we stay.',
  'Prices are high compared with the Asian brands.',
  'Order confirmations often come late.',
  'The training sessions were very useful.',
] as const;

/** A comment starting with "=": a CSV/formula-injection case that is also ordinary text. */
export const FORMULA_LIKE_COMMENT = '=) Very happy with the new service engineer.';

export interface TeamSeed {
  name: string;
  email: string;
  region: string;
}
export const TEAM_SEED: readonly TeamSeed[] = [
  { name: 'Андрей Белов', email: 'a.belov', region: 'Central' },
  { name: 'Sarah Mitchell', email: 's.mitchell', region: 'Northern Europe' },
  { name: 'Дмитрий Волков', email: 'd.volkov', region: 'Urals' },
  { name: "James O'Connor", email: 'j.oconnor', region: 'Volga' },
  { name: 'Ирина Петрова', email: 'i.petrova', region: 'Siberia' },
  { name: 'Olga Smirnova', email: 'o.smirnova', region: 'Central' },
];

/** How to score each criterion (the criteria sheet's description column). */
export const CRITERION_HINTS: Record<string, string> = {
  attr_net_value: 'High when the account stays clearly profitable after every cost to serve it.',
  attr_contracts: 'High when the client keeps volumes, terms and agreed procedures.',
  attr_means: 'High when the client is financially sound and buys within its budget.',
  attr_pays: 'High when invoices are paid on time and our parts are used as specified.',
  attr_marketing: 'High when the client takes up offers, events and new products that suit it.',
  attr_information: 'High when plans, forecasts and failure data are shared readily.',
  attr_learns: 'High when the client invests time in working better with us.',
  attr_complaints: 'High when complaints are rare and justified.',
  attr_recommends: 'High when the client refers us to other plants or companies.',
  str_quality: 'How the client rates our product quality against alternatives.',
  str_cost: 'How the client rates our total cost of ownership and price.',
  str_delivery: 'How the client rates our delivery reliability and lead times.',
  str_service: 'How the client rates our service and technical support.',
  str_relationship: 'How much the client trusts us and how open the relationship is.',
  str_innovation: 'How the client rates our new products and ideas.',
};

/** KPI metric names and units; the last two are internal and never shown to a client. */
export const KPI = {
  onTime: 'On-time delivery',
  leadTime: 'Lead time',
  defects: 'Defect rate',
  days: 'days',
  index: 'index',
  margin: 'Internal margin index',
  costToServe: 'Cost-to-serve index',
};

export function describeAccount(industry: string, region: string, product: string, plants: number): string {
  return `${industry} company in the ${region} region; buys ${product} for ${plants === 1 ? 'one plant' : `${plants} plants`}.`;
}

export const RELATIONSHIP_START = 'Relationship started: first supply contract';
export const EVIDENCE_PREFIX = 'Acceptance certificate';
export const WORKSHOP_PARTICIPANT = 'Workshop participant';

/** Our product lines and services, the columns of the whitespace grid. */
export const OFFERINGS = [
  'Bearings',
  'Gearboxes and drives',
  'Hydraulics',
  'Seals and lubrication',
  'Condition monitoring',
  'Maintenance training',
] as const;

/** Client sites; a blank unit means the whole client. */
export const UNITS = ['North plant', 'Mill 2'] as const;

/** Objective templates per kind: title, metric. */
export const OBJECTIVES: Record<string, { title: string; metric: string }> = {
  share_of_wallet: { title: 'Raise our share of the client’s drive-train spend', metric: 'Share of wallet' },
  satisfaction: { title: 'Lift satisfaction with our field service', metric: 'Survey mean (0–10)' },
  growth: {
    title: 'Win the hydraulics business of the second plant',
    metric: 'Annual hydraulics orders, $k',
  },
  retention: {
    title: 'Renew the framework agreement for three more years',
    metric: 'Agreement renewed (1 = yes)',
  },
  relationship: { title: 'Build a second line of contacts in purchasing', metric: 'Purchasing contacts met' },
  profitability: { title: 'Bring the account back to a positive NOPAT', metric: 'NOPAT, last 12 months' },
  other: { title: 'Standardise the spare-parts list across sites', metric: 'Sites on the standard list' },
};

export const OBJECTIVE_NOTES = [
  'The plant manager supports this; purchasing still needs convincing.',
  'Depends on the capex budget the board approves in spring.',
  'A competitor is offering the same at a lower price.',
  'Agreed at the last business review.',
] as const;

export const ACTIONS: Record<string, readonly string[]> = {
  share_of_wallet: [
    'Map the drive-train spend of every site',
    'Send a proposal for the second plant',
    'Present our seals range to the central buyer',
  ],
  satisfaction: [
    'Agree the survey follow-up actions with the client',
    'Visit the plant with our service lead',
  ],
  growth: [
    'Present the hydraulics offer to the second plant',
    'Run a trial of our cylinders on one line',
    'Quote the spare cylinders for the trial line',
  ],
  retention: [
    'Prepare the renewal offer with three-year prices',
    'Review the agreement terms with purchasing',
  ],
  relationship: ['Meet the new procurement director', 'Run a joint workshop with maintenance and purchasing'],
  profitability: ['Review cost to serve with the logistics team', 'Move small orders to the web shop'],
  other: ['Map the spare-parts list of every site', 'Agree the standard list with the chief engineer'],
};
