/** Child of the open benchmark: opens one .docx once and prints its peak RSS in KB. */
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { readDocx } from '../shared/docx/read';

const [which, file] = process.argv.slice(2);
const bytes = readFileSync(file!);
(async () => {
  if (which === 'wengao') readDocx(new Uint8Array(bytes));
  else await mammoth.extractRawText({ buffer: bytes });
  process.stdout.write(`${process.resourceUsage().maxRSS}\n`);
})();
