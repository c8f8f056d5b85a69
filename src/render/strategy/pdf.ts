import { createHash } from 'node:crypto';
import type { Browser } from 'puppeteer-core';
import type { IsoDate } from '../../core/dates.js';

/**
 * Prints the strategy's HTML with the command's one Chromium (TOOLCHAIN §5): the page size, margins
 * and page-number boxes come from the HTML's own CSS (`preferCSSPageSize`), so the PDF and the HTML
 * share one layout. The printed file is then made reproducible (see `reproduciblePdf`).
 */
export async function printStrategyPdf(browser: Browser, html: string, date: IsoDate): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluateHandle('document.fonts.ready').catch(() => undefined);
    const pdf = await page.pdf({ preferCSSPageSize: true, displayHeaderFooter: false, printBackground: true, tagged: true, outline: false });
    return reproduciblePdf(new Uint8Array(pdf), date);
  } finally {
    await page.close();
  }
}

/** PDF date string of midnight UTC on `date`. */
function pdfDate(date: IsoDate): string {
  return `D:${date.replace(/-/g, '')}000000+00'00'`;
}

/**
 * Chromium (Skia) writes the wall-clock time into /CreationDate and /ModDate, and an /ID derived from
 * it. Replace them in place, byte for byte the same length so the cross-reference offsets stay
 * valid: the dates become the document date, the ID a hash of everything else in the file.
 */
export function reproduciblePdf(pdf: Uint8Array, date: IsoDate): Uint8Array {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const stamp = pdfDate(date);
  let out = text.replace(/\/(CreationDate|ModDate) \((D:[^)]*)\)/g, (_m, key: string, value: string) => {
    // Same length as what it replaces (padded with spaces, which PDF readers ignore), so offsets hold.
    const fixed = stamp.length <= value.length ? stamp.padEnd(value.length, ' ') : stamp.slice(0, value.length);
    return `/${key} (${fixed})`;
  });
  const idRe = /\/ID \[<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>\]/;
  const m = idRe.exec(out);
  if (m) {
    const hashed = createHash('sha256').update(out.replace(idRe, ''), 'latin1').digest('hex').slice(0, (m[1] as string).length).toUpperCase();
    out = out.replace(idRe, `/ID [<${hashed}> <${hashed}>]`);
  }
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
