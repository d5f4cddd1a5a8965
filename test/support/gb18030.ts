/** Encodes the few characters these tests use as GB18030, the way Excel on Chinese Windows saves CSV. */
export class TextEncoderGb {
  encode(text: string): Buffer {
    const out: number[] = [];
    const decoder = new TextDecoder('gb18030');
    const table = new Map<string, number[]>();
    // Build the reverse table for CJK by decoding every two-byte GBK code once.
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (!table.has(ch)) table.set(ch, [hi, lo]);
      }
    for (const ch of text) {
      if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
      else if (table.has(ch)) out.push(...table.get(ch)!);
      else throw new Error(`no GB18030 code for ${ch}`);
    }
    return Buffer.from(out);
  }
}
