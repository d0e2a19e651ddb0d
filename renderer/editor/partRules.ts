/**
 * The lines the 公文 prints, drawn in the editor on the parts' paragraphs (CSS on data-part, never
 * document content): the red separator under the 版头 (4 mm under the 发文字号, or the 签发人 line
 * of a 上行文), the 版记's thick–thin–thick rules, and a page-break mark before each 附件. The
 * values are the export's (shared/export/gbt9704.ts); the sheet is installed through CSSOM, as
 * the CSP allows no inline <style>.
 */
import { RECORD_RULES, RED, SEPARATOR } from '../../shared/export/gbt9704';

const P = '.editor-content .wg-p';
const RECORD = `:is(${P}[data-part='cc'], ${P}[data-part='imprint'])`;
const mmOf = (twips: number) => `${(twips / 1440) * 25.4}mm`;

export function partRulesCss(): string {
  const red = `${SEPARATOR.pt}pt solid #${RED}`;
  const thick = `${RECORD_RULES.thickPt}pt solid #000`;
  const thin = `${RECORD_RULES.thinPt}pt solid #000`;
  return `
${P}[data-part='doc-number']:not(:has(+ ${P}[data-part='signer'])),
${P}[data-part='signer']:not(:has(+ ${P}[data-part='signer'])) { border-bottom: ${red}; padding-bottom: ${mmOf(SEPARATOR.belowDocNumber)}; }
${RECORD} { border-top: ${thick}; }
${RECORD} + ${P}[data-part='cc'] { border-top: none; }
${P}[data-part='cc'] + ${P}[data-part='imprint'] { border-top: ${thin}; }
${RECORD}:not(:has(+ ${RECORD})) { border-bottom: ${thick}; }
${P}[data-part='attachment-label'] { position: relative; margin-top: 2.4em; border-top: 1px dashed #9aa0a6; }
${P}[data-part='attachment-label']::before { content: '分页'; position: absolute; right: 0; top: -1.4em; font: 12px sans-serif; color: #80868b; pointer-events: none; user-select: none; }
`;
}

let installed = false;

/** Adds the sheet once. */
export function installPartRules(): void {
  if (installed || typeof CSSStyleSheet === 'undefined') return;
  installed = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(partRulesCss());
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
