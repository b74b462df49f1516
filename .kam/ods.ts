import * as XLSX from '@e965/xlsx';
import { zip } from '../test/unit/ingest/helpers.ts';
const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="team"><table:table-row><table:table-cell office:value-type="string"><text:p>name</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>Anna &#128297;&#x1F680;</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`;
const data = zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'META-INF/manifest.xml': '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"></manifest:manifest>', 'content.xml': content });
const wb = XLSX.read(data, { type: 'buffer', dense: true });
console.log(wb.SheetNames, JSON.stringify(wb.Sheets[wb.SheetNames[0]!]));
