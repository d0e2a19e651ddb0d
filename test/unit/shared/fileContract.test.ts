import { describe, expect, it } from 'vitest';
import { checkCall } from '../../../shared/api/contract';

const doc = { meta: {}, blocks: [{ type: 'paragraph', runs: [{ text: '正文' }] }] };

describe('file calls of the API contract', () => {
  it('accept only absolute paths', () => {
    expect(checkCall('openDocument', ['/home/u/报告.docx']).ok).toBe(true);
    expect(checkCall('openDocument', ['D:\\材料\\报告.docx', { encoding: 'gb18030' }]).ok).toBe(true);
    expect(checkCall('openDocument', ['报告.docx']).ok).toBe(false);
    expect(checkCall('statDocument', ['../etc/passwd']).ok).toBe(false);
  });

  it('validate the document and the answers of a save', () => {
    expect(checkCall('saveDocument', [{ path: '/a/报告.wgd', doc, source: null, accept: { loss: true } }]).ok).toBe(true);
    expect(checkCall('saveDocument', [{ path: '/a/报告.wgd', doc: { meta: {}, blocks: [{ type: 'paragraph', runs: [{ text: 1 }] }] }, source: null, accept: {} }]).ok).toBe(false);
    expect(checkCall('saveDocument', [{ path: '/a/报告.wgd', doc, source: null, accept: { deleteEverything: true } }]).ok).toBe(false);
    expect(checkCall('openDocument', ['/a.txt', { encoding: 'ebcdic' }]).ok).toBe(false);
  });

  it('keep backup ids from naming other files', () => {
    expect(checkCall('discardBackup', ['doc-1234abcd-ef']).ok).toBe(true);
    expect(checkCall('discardBackup', ['../settings']).ok).toBe(false);
    expect(checkCall('readBackup', ['a']).ok).toBe(false);
  });
});
