import { describe, expect, it } from 'vitest';
import { EN } from '../../../src/ingest/messages.ts';
import { decodeText, detectDelimiter, parseCsv, readSpreadsheet } from '../../../src/ingest/read.ts';
import { cp1251, dateCell, DIV0, errorCell, utf8, utf8Bom, workbook } from './helpers.ts';

describe('CSV', () => {
  it('keeps a quoted multi-line record as one row, with "" as a quote', () => {
    const { rows } = parseCsv('a,b\r\n1,"line one\r\nline two, ""quoted"""\r\n2,x\r\n');
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', 'line one\r\nline two, "quoted"'],
      ['2', 'x'],
    ]);
  });

  it('keeps blank lines as rows so numbering matches the file', () => {
    expect(parseCsv('a\n\n1\n;\n', ';').rows).toEqual([['a'], [''], ['1'], ['', '']]);
  });

  it('detects the delimiter from the header, outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('"a;x",b,c\n')).toBe(',');
    expect(detectDelimiter('single\n1')).toBe(',');
  });

  it('reports a quote that is never closed', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n').unterminatedAt).toBe(2);
  });

  it('turns Excel error text into error cells', () => {
    expect(parseCsv('a,b\n#DIV/0!,#hash\n').rows[1]).toEqual([{ error: '#DIV/0!' }, '#hash']);
  });

  it('decodes UTF-8 with and without BOM and falls back to Windows-1251', () => {
    expect(decodeText(utf8Bom('клиенты'))).toBe('клиенты');
    expect(decodeText(utf8('клиенты'))).toBe('клиенты');
    expect(decodeText(cp1251('Клиенты; ёлка'))).toBe('Клиенты; ёлка');
  });

  it("honours Excel's sep= line and names the sheet after the file", () => {
    const out = readSpreadsheet('data/Клиенты.CSV', utf8('sep=;\na;b\n1,5;2\n'));
    expect(out.sheets).toEqual([
      {
        name: 'Клиенты',
        rows: [
          ['a', 'b'],
          ['1,5', '2'],
        ],
        hidden: false,
      },
    ]);
  });
});

describe('workbooks', () => {
  it('keeps date cells as serials, error cells as errors and numbers as numbers', () => {
    const data = workbook({
      s: [
        ['d', 'e', 'n', 't'],
        [dateCell(46037), errorCell(DIV0), 1001, 'x'],
      ],
    });
    const [sheet] = readSpreadsheet('book.xlsx', data).sheets;
    expect(sheet?.rows[1]).toEqual([{ serial: 46037 }, { error: '#DIV/0!' }, 1001, 'x']);
  });

  it('reads ODS date cells as calendar serials', () => {
    const data = workbook({ s: [['d'], [new Date(Date.UTC(2026, 0, 15))]] }, 'ods');
    const [sheet] = readSpreadsheet('book.ods', data).sheets;
    expect(sheet?.rows[1]).toEqual([{ serial: 46037 }]);
  });

  it('says a file is not a spreadsheet instead of throwing', () => {
    expect(readSpreadsheet('x.xlsx', utf8('hello')).error?.(EN)).toBe(
      'x.xlsx is not an .xlsx workbook: it looks like text (CSV?)',
    );
    expect(readSpreadsheet('x.ods', new Uint8Array([9, 0, 8, 0])).error?.(EN)).toBe(
      'not a valid .ods file (corrupt or not a spreadsheet)',
    );
    const truncated = workbook({ s: [['a'], [1]] }).slice(0, 200);
    expect(readSpreadsheet('x.xlsx', truncated).error?.(EN)).toMatch(
      /^cannot be read \(corrupt or not a spreadsheet\)/,
    );
    expect(readSpreadsheet('x.xls', new Uint8Array([1, 0, 2, 0, 3])).error?.(EN)).toBe(
      'not a valid .xls file (corrupt or not a spreadsheet)',
    );
  });

  it('reads an .xls that is really CSV text', () => {
    const [sheet] = readSpreadsheet('export.xls', cp1251('a;b\n1;Иван\n')).sheets;
    expect(sheet?.rows).toEqual([
      ['a', 'b'],
      ['1', 'Иван'],
    ]);
  });
});
