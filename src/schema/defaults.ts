/**
 * Criteria used when the workbook has no `criteria` sheet (docs/DATA-FORMAT.md): the nine traits of an
 * attractive client from the source article and six supplier-strength criteria, equal weights.
 */
import type { Criterion } from './datasets.ts';
import type { Locale } from './concepts.ts';

const attractiveness: [string, string, string][] = [
  [
    'attr_net_value',
    'Positive net value after all costs to serve',
    'Положительная чистая ценность после всех затрат на обслуживание',
  ],
  ['attr_contracts', 'Honours contracts', 'Выполняет договорные обязательства'],
  ['attr_means', 'Lives within its means', 'Живёт по средствам'],
  [
    'attr_pays',
    'Pays on time and uses the product as advised',
    'Платит вовремя и использует продукт по рекомендациям',
  ],
  [
    'attr_marketing',
    'Responds to the marketing that matters to it',
    'Откликается на важный для него маркетинг',
  ],
  ['attr_information', 'Shares information readily', 'Охотно делится информацией'],
  ['attr_learns', 'Learns to work with us', 'Учится работать с нами'],
  ['attr_complaints', 'Complains only with reason', 'Жалуется только по делу'],
  ['attr_recommends', 'Recommends us', 'Рекомендует нас'],
];

const strength: [string, string, string][] = [
  ['str_quality', 'Product quality', 'Качество продукции'],
  ['str_cost', 'Total cost / price', 'Совокупная стоимость / цена'],
  ['str_delivery', 'Delivery reliability', 'Надёжность поставок'],
  ['str_service', 'Service and technical support', 'Сервис и техническая поддержка'],
  ['str_relationship', 'Relationship and trust', 'Отношения и доверие'],
  ['str_innovation', 'Innovation', 'Инновации'],
];

export function defaultCriteria(locale: Locale): Criterion[] {
  const make =
    (matrix: Criterion['matrix']) =>
    ([id, en, ru]: [string, string, string]): Criterion => ({
      criterion_id: id,
      matrix,
      name: locale === 'ru' ? ru : en,
      weight: 1,
    });
  return [...attractiveness.map(make('attractiveness')), ...strength.map(make('strength'))];
}
