/**
 * The faithful save's zip copy reads the package through the reader's one zip walker: the entries
 * come from the directory actually present, never from the count the end record declares, and a
 * package whose names disagree with its local headers is not copied.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { replaceZipEntries, zipEntryNames } from '../../../shared/docx/faithful/zipCopy';
import { encodeUtf8 } from '../../../shared/text/codec';
import { lyingEntryCount, misstatedEntryCount } from '../../support/hostileDocx';
import { makeDocx, p } from '../../support/makeDocx';

const NEW_XML = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>新</w:t></w:r></w:p></w:body></w:document>';

function withMedia(): Uint8Array {
  return makeDocx({ body: p('原文'), extra: { 'word/media/image1.png': new Uint8Array([137, 80, 78, 71, 1, 2, 3]), 'customXml/item1.xml': '<a>保留</a>' } });
}

describe('the faithful zip copy', () => {
  it('copies every entry of a package whose end record understates its entries', () => {
    const honest = withMedia();
    const total = Object.keys(unzipSync(honest)).length;
    expect(total).toBeGreaterThanOrEqual(5);
    // The end record says 1 entry: a walk by the declared count copied only the first and dropped the rest.
    const lying = misstatedEntryCount(honest, 1);
    expect(zipEntryNames(lying)).toHaveLength(total);
    const out = replaceZipEntries(lying, new Map([['word/document.xml', encodeUtf8(NEW_XML)]]))!;
    const files = unzipSync(out);
    expect(Object.keys(files).sort()).toEqual(Object.keys(unzipSync(honest)).sort());
    expect(strFromU8(files['customXml/item1.xml']!)).toBe('<a>保留</a>');
    expect([...files['word/media/image1.png']!]).toEqual([137, 80, 78, 71, 1, 2, 3]);
    expect(strFromU8(files['word/document.xml']!)).toBe(NEW_XML);
  });

  it('copies a package whose end record overstates its entries', () => {
    const out = replaceZipEntries(misstatedEntryCount(withMedia(), 65_000), new Map([['word/document.xml', encodeUtf8(NEW_XML)]]))!;
    expect(strFromU8(unzipSync(out)['word/document.xml']!)).toBe(NEW_XML);
    // A zip64 end record claiming 100,000,000 entries: walked within the bytes present.
    expect(zipEntryNames(lyingEntryCount(100_000_000))).toHaveLength(4);
  });

  it('refuses (null: the caller falls back) a package whose local names disagree with its directory', () => {
    const bytes = withMedia();
    const at = Buffer.from(bytes).indexOf(Buffer.from('word/media/image1.png'));
    const broken = bytes.slice();
    broken[at + 11] = 'X'.charCodeAt(0); // the first (local) copy of the name
    expect(zipEntryNames(broken)).toBeNull();
    expect(replaceZipEntries(broken, new Map([['word/document.xml', encodeUtf8(NEW_XML)]]))).toBeNull();
  });

  it('refuses a replacement for a part the package does not have', () => {
    expect(replaceZipEntries(withMedia(), new Map([['word/nothing.xml', encodeUtf8(NEW_XML)]]))).toBeNull();
  });
});
