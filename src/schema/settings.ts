/**
 * Settings keys (docs/DATA-FORMAT.md). The `settings` sheet holds key/value rows; each value is coerced
 * by the kind given here and validated by the zod type, so the template README, the docs
 * and the errors all come from this one table.
 */
import { z } from 'zod';
import { col, type ColumnMeta } from './columns.ts';
import { LOCALES, PERIOD_PATTERN } from './concepts.ts';

const { optional: opt } = col;

export const settingsSchema = z.object({
  company_name: opt.text('Our company name, shown on pages and client bundles.'),
  currency: register(
    z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD, EUR or RUB')
      .default('USD'),
    { kind: 'text', doc: 'ISO 4217 currency code of every money column.', ru: [], defaultValue: 'USD' },
  ),
  locale: register(z.enum(LOCALES).default('en'), {
    kind: 'enum',
    doc: 'Language of the portal and the client bundles.',
    ru: [],
    values: LOCALES,
    labelsRu: { en: 'английский', ru: 'русский' },
    defaultValue: 'en',
  }),
  attractiveness_threshold: ratio('Attractiveness at or above which an account is attractive.', 5, 10),
  strength_threshold: ratio('Strength at or above which we are strong in the client’s eyes.', 5, 10),
  risk_threshold: ratio('Risk at or above which our supply is critical to the client.', 5, 10),
  spend_threshold: ratio('Spend at or above which our business with the client is large.', 5, 10),
  tax_rate: ratio('Tax rate on positive operating profit (0.2 = 20%).', 0.2, 1),
  discount_rate: ratio('Discount rate for customer lifetime value.', 0.1, 1),
  retention_rate: register(z.number().min(0).max(1).optional(), {
    kind: 'number',
    doc: 'Yearly retention rate; measured from the data when blank.',
    ru: [],
    min: 0,
    max: 1,
  }),
  reinvestment_share: ratio('Share of extra cash flow from new key clients to reinvest.', 0.1, 1),
  base_pay_cap: ratio('Largest base share of total possible pay (0.7 = 70%).', 0.7, 1),
  signal_voc_drop: ratio(
    'Early warning: the latest survey mean at least this far below the previous one (0–10 scale).',
    1,
    10,
  ),
  signal_revenue_drop: ratio(
    'Early warning: revenue over the last 12 months at least this share below the 12 months before.',
    0.15,
    1,
  ),
  signal_overdue_days: days('Early warning: an open commitment more than this many days past due.', 30),
  signal_contact_days: days(
    'Early warning: no contact with anyone at the client for more than this many days.',
    90,
  ),
  current_period: register(z.string().regex(PERIOD_PATTERN, 'must be YYYY, YYYY-Qn or YYYY-MM').optional(), {
    kind: 'period',
    doc: 'Period the portal reports on; the latest scored period when blank.',
    ru: [],
  }),
  share_base_url: register(
    z
      .string()
      .trim()
      .regex(
        /^https?:\/\/[^\s/?#<>"'`]+[^\s?#<>"'`]*$/i,
        'must be a web address such as https://dossier.example.com/',
      )
      .optional(),
    {
      kind: 'text',
      doc: 'Public address where dist-share/ is published (e.g. https://dossier.example.com/); the account pages then show each client bundle’s full link.',
      ru: [],
    },
  ),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

function ratio(doc: string, def: number, max: number) {
  return register(z.number().min(0, 'must be at least 0').max(max, `must be at most ${max}`).default(def), {
    kind: 'number',
    doc,
    ru: [],
    min: 0,
    max,
    defaultValue: def,
  });
}

function days(doc: string, def: number) {
  return register(z.number().int('must be a whole number').min(0, 'must be at least 0').default(def), {
    kind: 'integer',
    doc,
    ru: [],
    min: 0,
    defaultValue: def,
  });
}

function register<T extends z.ZodType>(type: T, meta: ColumnMeta): T {
  return col.register(type, meta);
}
