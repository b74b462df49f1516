import * as XLSX from '@e965/xlsx';
import { parseCsv } from '../src/ingest/read.ts';
const lines = ['account_id,period,criterion_id,score,comment'];
for (let i = 0; i < 300000; i++) lines.push(`A${i % 1000},2026-Q${(i % 4) + 1},crit_${i % 15},${i % 10},${i % 7 === 0 ? '"a ""quoted"" comment, here"' : 'fine'}`);
const text = lines.join('\r\n');
for (let k = 0; k < 2; k++) {
  let t = performance.now(); const r = parseCsv(text); console.log('hand', r.rows.length, Math.round(performance.now() - t), 'ms');
  t = performance.now(); const wb = XLSX.read(text, { type: 'string', raw: true, dense: true }); const d = (wb.Sheets[wb.SheetNames[0]!] as any)['!data']; console.log('sheetjs', d.length, Math.round(performance.now() - t), 'ms');
}
