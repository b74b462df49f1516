/**
 * A tiny auto-escaping `html` tagged template. Every interpolated value is escaped unless it
 * is already `Html` (the result of another `html` template or of `raw`), so spreadsheet text
 * can never become markup. Attribute values must be written in double or single quotes.
 */

const brand: unique symbol = Symbol('Html');

export interface Html {
  readonly [brand]: true;
  readonly value: string;
  toString(): string;
}

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

function make(value: string): Html {
  return { [brand]: true, value, toString: () => value };
}

function isHtml(v: unknown): v is Html {
  return typeof v === 'object' && v !== null && brand in v;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}

function render(v: Interpolation): string {
  if (v === null || v === undefined || v === false) return '';
  if (isHtml(v)) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return make(out);
}

/** Trusted markup written in this codebase (the stylesheet). Never pass data through it. */
export function raw(markup: string): Html {
  return make(markup);
}
