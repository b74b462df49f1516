/**
 * The settings sheet's key/value rows → `Settings`: each value is coerced by the kind the
 * key has in `settingsSchema`, validated by its zod type, and the defaults fill the rest.
 */
import type { z } from 'zod';
import { SETTING_KEYS, settingsSchema, type SettingKey, type Settings } from '../schema/index.ts';
import { CellError, showCell, type RawCell } from './cells.ts';
import { didYouMean, normalizeName } from './match.ts';
import type { Msg } from './messages.ts';
import { columnInfo, type ColumnInfo } from './plan.ts';
import type { Problems } from './problems.ts';
import { firstAt } from './references.ts';
import { zodMessage, type DatasetRows } from './validate.ts';

const KEYS = new Map<string, ColumnInfo>(
  SETTING_KEYS.map((k) => [normalizeName(k), columnInfo(k, settingsSchema.shape[k] as z.ZodType)]),
);

export interface ResolvedSettings {
  settings: Settings;
  given: SettingKey[];
}

export function resolveSettings(rows: DatasetRows, problems: Problems): ResolvedSettings {
  const given: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const firstRow = new Map<string, number>();
  rows.records.forEach((rec, i) => {
    const src = rows.sources[i]!;
    const row = rows.rows[i]!;
    const key = String(rec.key);
    const info = KEYS.get(normalizeName(key));
    const hint = didYouMean(key, SETTING_KEYS, true);
    if (!info) {
      problems.warning((d) => d.unknownSetting(showCell(key, d), hint(d)), src, row, 'key');
      return;
    }
    const first = firstRow.get(info.name);
    if (first !== undefined) {
      const at = firstAt(rows, first, src);
      problems.error((d) => d.settingTwice(info.name, at(d)), src, row, 'key');
      return;
    }
    firstRow.set(info.name, i);
    let value = info.coerce(rec.value as RawCell);
    // ISO codes are upper case; accept `rub` as RUB.
    if (info.name === 'currency' && typeof value === 'string') value = value.toUpperCase();
    if (value instanceof CellError) {
      const why = value.msg;
      problems.error((d) => d.setting(info.name, why(d)), src, row, 'value');
      return;
    }
    const res = info.type.safeParse(value);
    if (!res.success) {
      const issue = res.error.issues[0];
      const why: Msg = issue ? zodMessage(issue) : (d) => d.invalid;
      problems.error(
        (d) => d.setting(info.name, d.got(why(d), showCell(value as RawCell, d))),
        src,
        row,
        'value',
      );
      return;
    }
    if (res.data !== undefined) given[info.name] = res.data;
  });
  const parsed = settingsSchema.safeParse({ ...given });
  // Each key was validated above, so this only fills in the defaults.
  const settings = parsed.success ? parsed.data : settingsSchema.parse({});
  return { settings, given: SETTING_KEYS.filter((k) => k in given) };
}
