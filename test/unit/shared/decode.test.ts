import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary, utf16Pattern, type TextEncoding } from '../../../shared/text/decode';
import { fixtureBytes, fixtureNames } from '../../support/fixtures';

const gb18030 = (s: string) => new Uint8Array(iconv.encode(s, 'gb18030'));

// What each text fixture is, and a phrase that only the right decoding produces.
const EXPECTED: Record<string, { encoding: TextEncoding; contains: string }> = {
  'txt_big5_trad.txt': { encoding: 'big5', contains: '政府資訊科技總監辦公室' },
  'txt_gb18030_short.txt': { encoding: 'gb18030', contains: 'PcShare 文件捆绑器 v4.0 -> 无可非议' },
  'txt_gb18030_unicode_article.txt': { encoding: 'gb18030', contains: '基本上，计算机只是处理数字。' },
  'txt_gb2312_repetitive.txt': { encoding: 'gb18030', contains: '呵呵哒呵呵哒' },
  'txt_gbk_html_iconvlite.txt': { encoding: 'gb18030', contains: '<html' },
  'txt_utf16le_nobom_en.txt': { encoding: 'utf-16le', contains: 'DateTime,Bid,Ask' },
  'txt_utf8_trad_nobom.txt': { encoding: 'utf-8', contains: '無障礙網頁嘉許計劃' },
  'txt_utf8_zh_long.txt': { encoding: 'utf-8', contains: 'ChatGPT是OpenAI开发的一个大型语言模型' },
};

describe('decodeText on every text fixture', () => {
  for (const name of fixtureNames('txt')) {
    it(`decodes ${name}`, () => {
      const want = EXPECTED[name];
      expect(want, `no expectation for fixture ${name}`).toBeDefined();
      const d = decodeText(fixtureBytes('txt', name));
      expect(d.encoding).toBe(want!.encoding);
      expect(d.text).toContain(want!.contains);
      expect(d.text).not.toContain('\uFFFD');
    });
  }

  it('decodes the Big5 file to exactly the text of its UTF-8 twin', () => {
    expect(decodeText(fixtureBytes('txt', 'txt_big5_trad.txt')).text).toBe(decodeText(fixtureBytes('txt', 'txt_utf8_trad_nobom.txt')).text);
  });

  it('finds real GBK Chinese in the iconv-lite HTML sample', () => {
    expect(decodeText(fixtureBytes('txt', 'txt_gbk_html_iconvlite.txt')).text).toMatch(/[\u4e00-\u9fff]{4}/);
  });
});

describe('decodeText', () => {
  it('honours byte-order marks and reports them', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('一、总体要求', 'utf8')]);
    expect(decodeText(utf8)).toMatchObject({ text: '一、总体要求', encoding: 'utf-8', bom: true, basis: 'bom' });
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('通知', 'utf16le')]);
    expect(decodeText(le)).toMatchObject({ text: '通知', encoding: 'utf-16le', bom: true });
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from('通知', 'utf16le').swap16()]);
    expect(decodeText(be)).toMatchObject({ text: '通知', encoding: 'utf-16be', bom: true });
  });

  it('uses GB18030 (not "gbk") so four-byte characters survive', () => {
    // 𠮷 (U+20BB7) and the euro sign need GB18030 beyond GBK.
    const text = '关于做好𠮷祥物征集工作的通知€';
    const d = decodeText(gb18030(text));
    expect(d).toMatchObject({ encoding: 'gb18030', text, invalidSequences: 0 });
  });

  it('reads short GBK text that happens to be valid UTF-8 as GB18030', () => {
    // CD A8 D6 AA is valid UTF-8 (a combining mark and a Hebrew accent), and GBK for 通知.
    expect(decodeText(gb18030('通知'))).toMatchObject({ encoding: 'gb18030', text: '通知' });
  });

  it('keeps real UTF-8 with accented letters as UTF-8', () => {
    expect(decodeText(new Uint8Array(Buffer.from('café, résumé, 50 °C', 'utf8')))).toMatchObject({ encoding: 'utf-8', text: 'café, résumé, 50 °C' });
  });

  it('decodes with a forced encoding and counts invalid sequences', () => {
    const bytes = gb18030('关于印发工作要点的通知');
    const asUtf8 = decodeText(bytes, 'utf-8');
    expect(asUtf8.basis).toBe('forced');
    expect(asUtf8.invalidSequences).toBeGreaterThan(0);
    expect(decodeText(bytes, 'gb18030').text).toBe('关于印发工作要点的通知');
  });

  it('tells UTF-16 without a BOM by its zero bytes', () => {
    expect(utf16Pattern(new Uint8Array(Buffer.from('Hello, 公文\r\n', 'utf16le')))).toBe('utf-16le');
    expect(utf16Pattern(new Uint8Array(Buffer.from('Hello, 公文\r\n', 'utf16le').swap16()))).toBe('utf-16be');
    expect(utf16Pattern(gb18030('纯中文文本没有零字节'))).toBeNull();
  });

  it('recognises binary data', () => {
    expect(looksBinary(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]))).toBe(true);
    expect(looksBinary(gb18030('一、总体要求\r\n'))).toBe(false);
    expect(looksBinary(new Uint8Array(Buffer.from('Hi\r\n', 'utf16le')))).toBe(false);
  });
});
