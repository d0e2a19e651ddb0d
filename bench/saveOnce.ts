/** Child of the save benchmark: opens one .docx and saves it back the app's way, once; prints ms and peak RSS in KB. */
import path from 'node:path';
import { readDocumentFile, saveDocumentFile } from '../electron/services/documentFiles';

const [file, out] = process.argv.slice(2);
(async () => {
  const t = performance.now();
  const opened = await readDocumentFile(path.resolve(file!));
  const outcome = await saveDocumentFile({ path: path.resolve(out!), doc: opened.doc, source: { ...opened.source, path: null, stamp: null }, accept: { replaceExisting: true, loss: true } }, { writeDocx: null });
  if (outcome.status !== 'saved') throw new Error(outcome.status);
  process.stdout.write(`${performance.now() - t} ${process.resourceUsage().maxRSS}\n`);
})();
