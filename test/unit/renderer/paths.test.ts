import { describe, expect, it } from 'vitest';
import { basename, dirname, extname, isAbsolutePath, joinPath, withExtension } from '../../../renderer/files/paths';

describe('renderer path helpers', () => {
  it('handle Windows and POSIX paths', () => {
    expect(basename('D:\\材料\\报告.docx')).toBe('报告.docx');
    expect(dirname('D:\\材料\\报告.docx')).toBe('D:\\材料');
    expect(dirname('/home/u/报告.docx')).toBe('/home/u');
    expect(dirname('/报告.docx')).toBe('/');
    expect(extname('/a/报告.DOCX')).toBe('.docx');
    expect(extname('/a.b/README')).toBe('');
    expect(withExtension('/a/报告.docx', '.wgd')).toBe('/a/报告.wgd');
    expect(withExtension('D:\\a\\报告', '.wgd')).toBe('D:\\a\\报告.wgd');
    expect(joinPath('D:\\材料', '通知.docx')).toBe('D:\\材料\\通知.docx');
    expect(joinPath('/home/u/', '通知.docx')).toBe('/home/u/通知.docx');
  });

  it('tell absolute paths from relative ones', () => {
    expect(['/a', 'C:\\a', 'c:/a', '\\\\server\\share\\a'].map(isAbsolutePath)).toEqual([true, true, true, true]);
    expect(['a.txt', '材料\\a.txt', './a'].map(isAbsolutePath)).toEqual([false, false, false]);
  });
});
