import JSZip from 'jszip';

/**
 * exceljs stamps every zip entry with the current time, so two exports of one model differ. This
 * repacks the entries in their order, each dated `stamp`, so the same workbook gives the same bytes.
 */
export async function deterministicZip(bytes: Uint8Array, stamp: Date): Promise<Uint8Array> {
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  // JSZip writes DOS times in local time; shifting by the offset stores the stamp's UTC wall clock everywhere.
  const local = new Date(stamp.getTime() + stamp.getTimezoneOffset() * 60_000);
  for (const name of Object.keys(src.files)) {
    const entry = src.files[name] as JSZip.JSZipObject;
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date: local, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
