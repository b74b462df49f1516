/**
 * A deliberately small reader for playbook frontmatter (no YAML package in the project): flat
 * `key: value` pairs, quoted or bare strings, integers, `[a, b]` lists and `- item` block lists.
 * Anything else throws, so a test never silently reads a file differently from Astro.
 */
export interface PlaybookFile {
  body: string;
  data: Record<string, unknown>;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export function splitFrontmatter(text: string, file: string): PlaybookFile {
  const m = FENCE.exec(text);
  if (!m) throw new Error(`${file}: no --- frontmatter --- block at the top`);
  return { data: parseFlatYaml(m[1] ?? '', file), body: text.slice(m[0].length) };
}

function scalar(raw: string, where: string): string | number | boolean {
  const v = raw.trim();
  if (v.startsWith("'")) {
    if (!v.endsWith("'") || v.length < 2) throw new Error(`${where}: unterminated '…'`);
    return v.slice(1, -1).replace(/''/g, "'");
  }
  if (v.startsWith('"')) {
    if (!v.endsWith('"') || v.length < 2) throw new Error(`${where}: unterminated "…"`);
    return JSON.parse(v) as string;
  }
  if (/^-?\d+$/.test(v)) return Number(v);
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^[[{>|&*!%@`]/.test(v) || v.includes(': ') || v.includes(' #')) {
    throw new Error(`${where}: value needs quotes or is YAML this reader does not support: ${v}`);
  }
  return v;
}

function inlineList(raw: string, where: string): (string | number | boolean)[] {
  const inner = raw.trim().slice(1, -1).trim();
  if (inner === '') return [];
  return inner.split(',').map((item) => scalar(item, where));
}

export function parseFlatYaml(text: string, file: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let list: unknown[] | undefined;
  text.split(/\r?\n/).forEach((line, i) => {
    const where = `${file}: frontmatter line ${i + 2}`;
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item) {
      if (!list) throw new Error(`${where}: list item without a key`);
      list.push(scalar(item[1] ?? '', where));
      return;
    }
    const kv = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (!kv) throw new Error(`${where}: not a "key: value" line: ${line}`);
    const key = kv[1] ?? '';
    if (Object.hasOwn(out, key)) throw new Error(`${where}: duplicate key ${key}`);
    const value = (kv[2] ?? '').trim();
    if (value === '') {
      list = [];
      out[key] = list;
    } else {
      list = undefined;
      out[key] =
        value.startsWith('[') && value.endsWith(']') ? inlineList(value, where) : scalar(value, where);
    }
  });
  return out;
}
