/**
 * What analysts actually type in enum cells besides the English value and its Russian label:
 * short forms and common variants, keyed by the English value. Each enum column accepts the
 * forms of its own values (matched like names: case, spaces, `-` and `_` ignored), and the
 * data docs list them, so this table is the one place to add another.
 */
import type { ColumnMeta } from './columns.ts';

export const SHORT_FORMS: Readonly<Record<string, readonly string[]>> = {
  // team roles
  kam: ['КАМ', 'менеджер КАМ', 'key account manager', 'ключевой менеджер'],
  team_member: ['сотрудник'],
  support: ['ассистент', 'assistant'],
  manager: ['начальник', 'head'],
  // account status
  active: ['активен', 'действующий'],
  lost: ['потерянный', 'ушёл', 'ушел'],
  prospect: ['перспективный', 'потенциал'],
  // dmu roles
  decision_maker: ['ЛПР', 'DM'],
  influencer: ['ЛВР', 'влияющий'],
  buyer: ['закупки', 'purchaser'],
  technical: ['технический', 'техэксперт', 'tech'],
  other: ['прочее'],
  // dossier categories
  safety_stock: ['резерв', 'страховой запас'],
  expedited_delivery: ['срочная поставка'],
  problem_solved: ['решённая проблема', 'решенная проблема'],
  special_event: ['мероприятие'],
  // objectives and offerings
  share_of_wallet: ['SOW', 'доля кошелька'],
  open: ['открыто', 'открыт'],
  done: ['выполнено', 'выполнен', 'сделано'],
  dropped: ['отменено', 'отменён', 'отменен'],
  not_relevant: ['неактуально', 'не актуально'],
  // the locale setting
  en: ['english', 'англ'],
  ru: ['russian', 'рус'],
};

/** Every text an enum cell may hold for `value`: the value, its Russian label, the short forms. */
export function enumLabels(meta: Pick<ColumnMeta, 'labelsRu'>, value: string): string[] {
  const ru = meta.labelsRu?.[value];
  return [value, ...(ru === undefined ? [] : [ru]), ...(SHORT_FORMS[value] ?? [])];
}
