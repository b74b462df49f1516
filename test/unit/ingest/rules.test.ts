/** Regression tests for the precise input rules (docs/DATA-FORMAT.md). */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ingestFiles, type InputFile } from '../../../src/ingest/index.ts';
import { normalizeName } from '../../../src/ingest/match.ts';
import { columnMeta, DATASET_NAMES, DATASETS, enumLabels } from '../../../src/schema/index.ts';
import { parseCsv } from '../../../src/ingest/read.ts';
import { en } from '../../../src/i18n/en.ts';
import { ru } from '../../../src/i18n/ru.ts';
import { readSpreadsheet as read } from '../../../src/ingest/read.ts';
import {
  ACCOUNTS,
  errors,
  handXlsx,
  messages,
  TEAM,
  utf8,
  warnings,
  workbook,
  zip,
  type Aoa,
} from './helpers.ts';

const file = (name: string, data: Uint8Array): InputFile => ({ name, data });

describe('CSV line endings', () => {
  it('ends a record at CR alone (old Mac Excel)', () => {
    expect(parseCsv('a,b\r1,x\r2,y\r').rows).toEqual([
      ['a', 'b'],
      ['1', 'x'],
      ['2', 'y'],
    ]);
  });

  it('ends a record at each of CRLF, LF and CR mixed in one file', () => {
    expect(parseCsv('a,b\r\n1,x\n2,y\r3,z\r\n\r4,w').rows).toEqual([
      ['a', 'b'],
      ['1', 'x'],
      ['2', 'y'],
      ['3', 'z'],
      [''],
      ['4', 'w'],
    ]);
  });

  it('keeps quoted multi-line cells as one record whatever the line endings', () => {
    expect(parseCsv('a,b\r1,"one\rtwo\r\nthree\nfour"\r2,y\n3,"q"\r\r4,z').rows).toEqual([
      ['a', 'b'],
      ['1', 'one\rtwo\r\nthree\nfour'],
      ['2', 'y'],
      ['3', 'q'],
      [''],
      ['4', 'z'],
    ]);
  });

  it('numbers rows as a spreadsheet shows them in a CR-only file with blank and multi-line rows', () => {
    const csv = 'account_id,name,kam_id,since\rA1,"Acme\rInc",m1,2024-01-15\r\rA2,Globex,m9,2023-05-01\r';
    const r = ingestFiles([
      file('team.csv', utf8('member_id,name,role\rm1,Anna,kam\r')),
      file('accounts.csv', utf8(csv)),
    ]);
    expect(r.data.accounts.map((a) => a.name)).toEqual(['Acme\rInc']);
    expect(errors(r)).toEqual([expect.stringMatching(/^accounts\.csv › accounts › row 4 .*kam_id/)]);
  });
});

const book = (name: string, sheets: Record<string, Aoa>) => file(name, workbook(sheets));
const base = (extra: Record<string, Aoa> = {}) =>
  book('book.xlsx', { team: TEAM, accounts: ACCOUNTS, ...extra });

describe('a binary file under a text name', () => {
  it('names an .xlsx or .ods saved as .csv, or binary data, and reads nothing from it', () => {
    const xlsx = workbook({ surveys: [['survey_id'], ['s1']] });
    const ods = workbook({ surveys: [['survey_id'], ['s1']] }, 'ods');
    const r = ingestFiles([
      base(),
      file('surveys.csv', xlsx),
      file('feedback.csv', ods),
      file('kpis.csv', new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01, 0x02, 0x0a])),
    ]);
    expect(errors(r)).toEqual([
      'feedback.csv: feedback.csv is not text: it looks like an .ods spreadsheet',
      'kpis.csv: kpis.csv is not text: it looks like binary data',
      'surveys.csv: surveys.csv is not text: it looks like an .xlsx workbook',
    ]);
    expect(r.files.find((f) => f.file === 'surveys.csv')?.sheets).toEqual([]);
  });
});

describe('characters outside the Basic Multilingual Plane as XML character references', () => {
  const bolt = '\u{1F529}';
  const rocket = '\u{1F680}';

  it('keeps them in a hand-written .xlsx, stored or deflated', () => {
    for (const deflate of [false, true]) {
      const data = handXlsx(
        'team',
        [
          ['member_id', 'name', 'role'],
          ['m1', 'Anna &#128297; &#x1F680;', 'kam'],
        ],
        { deflate },
      );
      expect(read('t.xlsx', data).sheets[0]?.rows[1]).toEqual(['m1', `Anna ${bolt} ${rocket}`, 'kam']);
    }
  });

  it('keeps them in a hand-written .ods', () => {
    const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="team"><table:table-row><table:table-cell office:value-type="string"><text:p>name</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>Anna &#128297;&#x1F680;</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
    const data = zip({
      mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
      'META-INF/manifest.xml': `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
      'styles.xml': `<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>`,
      'content.xml': content,
    });
    expect(read('t.ods', data).sheets[0]?.rows[1]).toEqual([`Anna ${bolt}${rocket}`]);
  });

  it('keeps them in SpreadsheetML 2003 (.xls as XML)', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="team"><Table><Row><Cell><Data ss:Type="String">name</Data></Cell></Row><Row><Cell><Data ss:Type="String">Anna &#128297;&#x1F680;</Data></Cell></Row></Table></Worksheet></Workbook>`;
    expect(read('t.xls', utf8(xml)).sheets[0]?.rows[1]).toEqual([`Anna ${bolt}${rocket}`]);
  });
});

describe('control characters', () => {
  it('are removed from text with a warning naming the cell', () => {
    // NUL would make the file binary (see above); BEL, ESC and VT are text with stray control codes.
    const csv = 'member_id,name,role\nm1,Anna\u0007 Pe\u000btrova\u001b,kam\n';
    const r = ingestFiles([file('team.csv', utf8(csv)), book('a.xlsx', { accounts: ACCOUNTS })]);
    expect(r.data.team[0]?.name).toBe('Anna Petrova');
    expect(warnings(r)).toEqual([
      'team.csv › team › row 2 (B2) › name: control characters removed (now "Anna Petrova")',
    ]);
    // No control character reaches the data or a message (JSON.stringify would hide them as \u escapes).
    const texts = [...r.problems.map((p) => p.message), ...r.data.team.map((t) => t.name)];
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    for (const t of texts) expect(t).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe('control characters in a header', () => {
  it('never reach the column name in a message', () => {
    const csv = 'member_id,name,role,no\u0007te\nm1,Anna,kam,x\n';
    const r = ingestFiles([file('team.csv', utf8(csv)), book('a.xlsx', { accounts: ACCOUNTS })]);
    expect(warnings(r)).toEqual([
      'team.csv › team › row 1 (D1) › note: unknown column ignored (did you mean "name"?)',
    ]);
  });
});

describe('limits', () => {
  it('refuses a file over KAM_MAX_FILE_MB', () => {
    const r = ingestFiles([base(), file('big.csv', utf8('x'.repeat(60_000)))], { maxFileMb: 0.05 });
    expect(errors(r)).toEqual(['big.csv: file is 59 KB, over the 0.05 MB limit (KAM_MAX_FILE_MB raises it)']);
  });

  it('refuses a workbook whose parts declare more than 20 times the limit, before expanding it', () => {
    // 10 MB of zeros deflate to about 10 KB; the limit allows 20 × 0.02 MB = 0.4 MB unpacked.
    const fine = handXlsx('notes', [['a']], { deflate: true });
    const big = zip({ 'xl/sharedStrings.xml': new Uint8Array(10 * 1024 * 1024) }, { deflate: true });
    expect(big.byteLength).toBeLessThan(20 * 1024);
    const r = ingestFiles([base(), file('bomb.xlsx', big), file('ok.xlsx', fine)], { maxFileMb: 0.02 });
    expect(errors(r)).toEqual([
      'bomb.xlsx: bomb.xlsx would unpack to more than 0.4 MB (20 times KAM_MAX_FILE_MB): refused as a possible zip bomb',
    ]);
    expect(r.files.find((f) => f.file === 'ok.xlsx')?.sheets).toEqual([{ sheet: 'notes', rows: 0 }]);
  });

  it('refuses a part that unpacks to more than it declares', () => {
    const liar = zip(
      { 'xl/sharedStrings.xml': new Uint8Array(5 * 1024 * 1024) },
      { deflate: true, declare: { 'xl/sharedStrings.xml': 100 } },
    );
    const r = ingestFiles([base(), file('liar.xlsx', liar)]);
    expect(errors(r)).toEqual([
      'liar.xlsx: liar.xlsx is damaged or crafted: a part unpacks to more than its declared size; refused',
    ]);
  });

  it('refuses money beyond ±10^13, naming the cell', () => {
    const r = ingestFiles([
      base({
        financials: [
          ['account_id', 'period', 'revenue_goods', 'cogs'],
          ['A1', '2026', '1e308', -2e13],
          ['A2', '2026', 9e12, 0],
        ],
      }),
    ]);
    expect(errors(r)).toEqual([
      'book.xlsx › financials › row 2 (C2) › revenue_goods: "1e308" is beyond ±10^13: not a plausible amount of money',
      'book.xlsx › financials › row 2 (D2) › cogs: -20000000000000 is beyond ±10^13: not a plausible amount of money',
    ]);
    expect(r.data.financials.map((f) => f.revenue_goods)).toEqual([9e12]);
  });
});

describe('one cause, one message', () => {
  it('does not report references into the datasets an unreadable file would have supplied', () => {
    const accounts = [
      ['account_id', 'name', 'kam_id', 'since'],
      ...Array.from({ length: 50 }, (_, i) => [`A${i}`, 'X', 'm1', '2024-01-01']),
    ];
    const r = ingestFiles([file('team.xlsx', utf8('garbage')), book('a.xlsx', { accounts })]);
    expect(errors(r)).toEqual(['team.xlsx: team.xlsx is not an .xlsx workbook: it looks like text (CSV?)']);
  });

  it('still reports dangling references into datasets that were read', () => {
    const r = ingestFiles([
      base({
        scores: [
          ['account_id', 'period', 'criterion_id', 'score'],
          ['A9', '2026', 'str_cost', 5],
        ],
      }),
      file('surveys.csv', workbook({ s: [['a']] })),
    ]);
    expect(errors(r)).toEqual([
      'book.xlsx › scores › row 2 (A2) › account_id: "A9" is not a account_id in accounts',
      'surveys.csv: surveys.csv is not text: it looks like an .xlsx workbook',
    ]);
  });
});

describe('dates', () => {
  it('says a date before 1900 is too early, and a day that does not exist does not', () => {
    const r = ingestFiles([
      book('b.xlsx', {
        team: TEAM,
        accounts: [...ACCOUNTS, ['A3', 'Old', 'm1', '1899-12-31'], ['A4', 'Odd', 'm1', '31.02.2024']],
      }),
    ]);
    expect(errors(r)).toEqual([
      'b.xlsx › accounts › row 4 (D4) › since: "1899-12-31" is before 1900: dates from 1900-01-01 on are accepted',
      'b.xlsx › accounts › row 5 (D5) › since: "31.02.2024" is not a day of the calendar',
    ]);
  });
});

describe('files and sheets', () => {
  it('ignores lock files and hidden files; names a 0-byte or corrupt file', () => {
    const r = ingestFiles([
      base(),
      file('~$book.xlsx', utf8('lock')),
      file('.accounts.csv', utf8('junk')),
      file('empty.xlsx', new Uint8Array()),
      file('broken.ods', workbook({ s: [['a']] }, 'ods').slice(0, 300)),
    ]);
    expect(r.files.map((f) => f.file)).toEqual(['book.xlsx', 'broken.ods', 'empty.xlsx']);
    expect(errors(r)).toEqual([
      expect.stringMatching(/^broken\.ods: cannot be read \(corrupt or not a spreadsheet\)/),
      'empty.xlsx: file is empty (0 bytes)',
    ]);
  });

  it('warns about a dataset sheet with a header but no rows', () => {
    expect(warnings(ingestFiles([base({ kpis: [['account_id', 'period', 'metric', 'value']] })]))).toEqual([
      'book.xlsx › kpis › row 1: no data rows under the header (dataset kpis)',
    ]);
  });

  it('is an error when there are no accounts rows, e.g. a typo in the sheet name', () => {
    const r = ingestFiles([book('b.xlsx', { team: TEAM, acounts: ACCOUNTS })]);
    expect(r.ok).toBe(false);
    expect(errors(r)).toEqual(['no accounts: no sheet or file named accounts (клиенты) has any rows']);
  });

  it('names columns as the sheet does, a missing one in the language of its header', () => {
    const r = ingestFiles([
      book('b.xlsx', {
        team: TEAM,
        клиенты: [
          ['код_клиента', 'наименование', 'менеджер_id'],
          ['A1', 'Acme', 'm9'],
        ],
      }),
    ]);
    expect(errors(r)).toEqual([
      'b.xlsx › клиенты › row 1 › клиент_с: required column is missing',
      'b.xlsx › клиенты › row 2 (C2) › менеджер_id: "m9" is not a member_id in team',
    ]);
  });
});

describe('messages in the data’s language', () => {
  const settings = (locale: string): Aoa => [
    ['key', 'value'],
    ['locale', locale],
  ];

  it('writes messages and places in Russian when the locale is ru', () => {
    const r = ingestFiles([
      book('book.xlsx', { настройки: settings('ru'), team: TEAM, accounts: ACCOUNTS }),
      book('finance.xlsx', {
        Финансы: [
          ['код_клиента', 'период', 'выручка_товары'],
          ['A1', '2025', 1],
          ['A2', '2025', 2],
          [],
          ['A1', '2026', 'около 12 тыс.'],
        ],
      }),
      book('c.xlsx', {
        contacts: [
          ['contact_id', 'account_id', 'name', 'dmu_role'],
          ['c1', 'A1', 'Olga', 'ЛПР'],
          ['c2', 'A1', 'Ivan', 'boss'],
        ],
      }),
    ]);
    expect(r.locale).toBe('ru');
    expect(messages(r)).toEqual([
      'c.xlsx › contacts › строка 3 (D3) › dmu_role: «boss» — не одно из значений: лицо, принимающее решение, влияющее лицо, закупщик, пользователь, привратник, технический эксперт, другое',
      'finance.xlsx › Финансы › строка 5 (C5) › выручка_товары: «около 12 тыс.» — не число',
    ]);
    expect(r.data.contacts[0]?.dmu_role).toBe('decision_maker');
  });

  it('guesses Russian from the sheet names when the settings cannot be read', () => {
    const r = ingestFiles([
      file('настройки.csv', new Uint8Array([0, 1, 2, 3])),
      book('b.xlsx', { команда: TEAM, клиенты: [...ACCOUNTS, ['A3', 'X', 'm1', 'вчера']] }),
    ]);
    expect(r.locale).toBe('ru');
    expect(errors(r)).toEqual([
      'b.xlsx › клиенты › строка 4 (D4) › since: «вчера» — не дата (пишите ГГГГ-ММ-ДД, ДД.ММ.ГГГГ или ДД/ММ/ГГГГ)',
      'настройки.csv: настройки.csv — не текст: похоже, это двоичные данные',
    ]);
  });
});

describe('the data message catalogue', () => {
  type Tree = Record<string, unknown>;
  const leaves = (t: Tree, prefix = ''): [string, unknown][] =>
    Object.entries(t).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null
        ? leaves(v as Tree, `${prefix}${k}.`)
        : [[`${prefix}${k}`, v] as [string, unknown]],
    );

  it('has every key in both languages, each with the same placeholders', () => {
    const enLeaves = new Map(leaves(en.data));
    const ruLeaves = new Map(leaves(ru.data as unknown as Tree));
    expect([...ruLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    for (const [key, e] of enLeaves) {
      const r = ruLeaves.get(key);
      expect(typeof r, key).toBe(typeof e);
      if (typeof e !== 'function') {
        expect(String(r).length, key).toBeGreaterThan(0);
        continue;
      }
      const f = e as (...a: unknown[]) => string;
      const g = r as (...a: unknown[]) => string;
      expect(g.length, key).toBe(f.length);
      // Distinct markers for every parameter: each must show in both texts.
      const args = Array.from({ length: f.length }, (_, i) =>
        key === 'named'
          ? { en: `@en${i}@`, ru: `@ru${i}@` }
          : key.endsWith('list')
            ? [`@${i}@`]
            : key === 'summary' ||
                key === 'row' ||
                (/at(Least|Most)|Than|tooLarge|unpacked/.test(key) && i > 0)
              ? 7000 + i
              : `@${i}@`,
      );
      const a = f(...args);
      const b = g(...args);
      for (const arg of args) {
        if (typeof arg === 'string') {
          if (key === 'noFiles') continue; // an empty folder name is left out
          expect(a, key).toContain(arg);
          expect(b, key).toContain(arg);
        }
      }
      expect(b, key).not.toBe('');
    }
  });
});

describe('enum labels', () => {
  it('never lets one text stand for two values of the same column', () => {
    for (const name of DATASET_NAMES) {
      for (const [col, type] of Object.entries(DATASETS[name].schema.shape) as [string, z.ZodType][]) {
        const meta = columnMeta(type);
        if (!meta.values) continue;
        const owner = new Map<string, string>();
        for (const v of meta.values) {
          for (const label of enumLabels(meta, v)) {
            const key = normalizeName(label);
            expect(owner.get(key) ?? v, `${name}.${col}: ${label}`).toBe(v);
            owner.set(key, v);
          }
        }
      }
    }
  });

  it('accepts the Russian labels and common short forms', () => {
    const r = ingestFiles([
      book('b.xlsx', {
        team: [
          ['member_id', 'name', 'role'],
          ['m1', 'Anna', 'КАМ'],
          ['m2', 'Boris', 'руководитель'],
        ],
        accounts: [
          ['account_id', 'name', 'kam_id', 'since', 'status'],
          ['A1', 'Acme', 'm1', '2024-01-01', 'Потерян'],
        ],
      }),
    ]);
    expect(messages(r)).toEqual([]);
    expect(r.data.team.map((t) => t.role)).toEqual(['kam', 'manager']);
    expect(r.data.accounts[0]?.status).toBe('lost');
  });
});
