import type { DocumentLayout } from '../../framework/document-pack.js';

/** Room kept under a landscape figure for its caption (two lines at the table size) and spacing (PDF and DOCX). */
export const FIGURE_CAPTION_MM = 22;

/**
 * The stylesheet of the HTML (and, printed, of the PDF), written from the same layout constants as
 * the DOCX builder. Print uses CSS page-margin boxes for the page number (TOOLCHAIN §5): centred in
 * the top margin, absent from the first page. On screen the page is shown as a sheet of A4.
 */
export function strategyCss(layout: DocumentLayout): string {
  const L = layout;
  const mm = (v: number): string => `${v}mm`;
  const pt = (v: number): string => `${v}pt`;
  const fonts = [L.font.family.value, ...L.font.fallbacks.value.split(',').map((f) => f.trim())]
    .filter((f) => f !== '')
    .map((f) => `"${f}"`)
    .join(', ');
  const p = L.page;
  const margin = `${mm(p.marginTopMm.value)} ${mm(p.marginRightMm.value)} ${mm(p.marginBottomMm.value)} ${mm(p.marginLeftMm.value)}`;
  const pageNumber = L.pageNumber.position.value === 'top-center' ? 'top-center' : 'bottom-right';
  const firstPage = L.pageNumber.hideOnFirstPage.value ? `@page :first { @${pageNumber} { content: none; } }` : '';
  const H = L.header;
  const T = L.title;
  const S = L.signature;
  const A = L.appendix;
  const textWidth = p.widthMm.value - p.marginLeftMm.value - p.marginRightMm.value;
  return `@page {
  size: ${mm(p.widthMm.value)} ${mm(p.heightMm.value)};
  margin: ${margin};
  @${pageNumber} { content: counter(page); font-family: ${fonts}; font-size: ${pt(L.pageNumber.sizePt.value)}; }
}
@page ngang {
  size: ${mm(p.heightMm.value)} ${mm(p.widthMm.value)};
  margin: ${margin};
}
${firstPage}
html { font-family: ${fonts}; font-size: ${pt(L.text.bodySizePt.value)}; line-height: ${L.text.lineSpacing.value}; color: #000; background: #fff; }
body { margin: 0; }
@media screen {
  html { background: #e8e8e8; }
  .van-ban, .phu-luc { box-sizing: border-box; width: ${mm(p.widthMm.value)}; margin: 8mm auto; padding: ${margin}; background: #fff; box-shadow: 0 0 3mm rgba(0, 0, 0, 0.2); }
  .phu-luc.ngang { width: ${mm(p.heightMm.value)}; }
}
@media screen and (max-width: 820px) {
  html { font-size: 12pt; }
  .van-ban, .phu-luc, .phu-luc.ngang { width: auto; margin: 0 0 4mm; padding: 4mm; box-shadow: none; }
  table.the-thuc, table.ky, table.the-thuc tbody, table.ky tbody, table.the-thuc tr, table.ky tr, table.the-thuc td, table.ky td { display: block; width: auto; }
  table.ky td.chu-ky { margin-top: 6mm; }
  .quoc-hieu-dong, .tieu-ngu { white-space: normal; }
  .dau-du-thao { float: none; margin: 0 auto 4mm; }
  table.bang { display: block; overflow-x: auto; table-layout: auto; }
  figure.so-do { overflow-x: auto; }
  p, h1, h2, h3, h4 { text-indent: 0; }
}
p { margin: 0 0 ${pt(L.text.paragraphSpacingPt.value)}; text-align: justify; text-indent: ${mm(L.text.firstLineIndentMm.value)}; }
h1, h2, h3, h4 { font-size: ${pt(L.text.bodySizePt.value)}; margin: ${pt(L.text.paragraphSpacingPt.value)} 0; text-indent: ${mm(L.text.firstLineIndentMm.value)}; break-after: avoid; page-break-after: avoid; }
h2, h3 { font-weight: bold; }
h4 { font-weight: normal; font-style: italic; }
strong { font-weight: bold; }
table.the-thuc, table.ky { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.the-thuc td, table.ky td { vertical-align: top; padding: 0; overflow-wrap: anywhere; }
table.the-thuc p, table.ky p { text-indent: 0; text-align: center; margin: 0; line-height: 1.2; }
table.the-thuc col.trai { width: ${H.leftColumnPct.value}%; }
table.the-thuc col.phai { width: ${100 - H.leftColumnPct.value}%; }
.co-quan-chu-quan { font-size: ${pt(H.issuerParentSizePt.value)}; text-transform: uppercase; }
.co-quan-ban-hanh { font-size: ${pt(H.issuerSizePt.value)}; font-weight: bold; text-transform: uppercase; }
.so-ky-hieu { font-size: ${pt(H.numberSizePt.value)}; margin-top: 6pt !important; white-space: pre; }
.quoc-hieu-dong { font-size: ${pt(H.nationalTitleSizePt.value)}; font-weight: bold; white-space: nowrap; }
.tieu-ngu { font-size: ${pt(H.mottoSizePt.value)}; font-weight: bold; white-space: nowrap; }
.dia-danh { font-size: ${pt(H.placeDateSizePt.value)}; font-style: italic; margin-top: 6pt !important; }
.gach { margin: 2pt auto 0; border-top: ${pt(H.ruleThicknessPt.value)} solid #000; height: 0; }
.gach-co-quan { width: ${mm(H.issuerRuleWidthMm.value)}; }
.gach-tieu-ngu { width: ${mm(H.mottoRuleWidthMm.value)}; }
.dau-du-thao { float: right; box-sizing: border-box; width: ${mm(L.marks.draftBoxWidthMm.value)}; text-align: center; margin: 0 0 4mm 4mm; padding: 1mm 2mm; border: 0.75pt solid #000; font-weight: bold; font-size: ${pt(L.marks.draftSizePt.value)}; }
.dau-du-thao p { margin: 0; text-indent: 0; text-align: center; }
.dau-du-thao + table.the-thuc { clear: both; }
h1.ten-loai { font-size: ${pt(T.docTypeSizePt.value)}; text-align: center; text-indent: 0; margin: ${pt(T.spaceBeforeTitlePt.value)} 0 0; }
.trich-yeu { font-size: ${pt(T.subjectSizePt.value)}; font-weight: bold; text-align: center; text-indent: 0; margin-bottom: 12pt; }
.ghi-chu-cong-khai { display: flow-root; font-size: ${pt(A.tableSizePt.value)}; font-style: italic; text-align: center; text-indent: 0; margin-bottom: 12pt; }
.tham-quyen { font-size: ${pt(T.authoritySizePt.value)}; font-weight: bold; text-align: center; text-indent: 0; margin: 6pt 0; }
.can-cu { font-style: italic; }
.quyet-dinh { font-size: ${pt(T.docTypeSizePt.value)}; font-weight: bold; text-align: center; text-indent: 0; margin: 6pt 0; break-after: avoid; page-break-after: avoid; }
table.ky { margin-top: 6pt; break-inside: avoid; page-break-inside: avoid; }
table.ky col.trai { width: ${S.recipientsColumnPct.value}%; }
table.ky col.phai { width: ${100 - S.recipientsColumnPct.value}%; }
table.ky td.noi-nhan p { text-align: left; }
.noi-nhan-tieu-de { font-size: ${pt(S.recipientsHeadingSizePt.value)}; font-weight: bold; font-style: italic; }
.noi-nhan-dong { font-size: ${pt(S.recipientsSizePt.value)}; line-height: 1.15; }
.quyen-han { font-size: ${pt(S.signerSizePt.value)}; font-weight: bold; text-transform: uppercase; }
.cho-ky { height: ${mm(S.signatureSpaceMm.value)}; }
.ho-ten { font-size: ${pt(S.signerNameSizePt.value)}; font-weight: bold; }
section.phu-luc { break-before: page; page-break-before: always; }
section.phu-luc.ngang { page: ngang; }
main.kem-theo { break-before: page; page-break-before: always; }
.ket-van-ban { break-inside: avoid; page-break-inside: avoid; }
.gach-trich-yeu { width: 30mm; margin: 0 auto 12pt; }
.kinh-gui { display: table; margin: 6pt auto 12pt; }
.kinh-gui p { text-indent: 0; text-align: left; margin: 0; }
p.nghieng { font-style: italic; }
h1.phu-luc-so { font-size: ${pt(A.headingSizePt.value)}; text-align: center; text-indent: 0; margin: 0; }
.phu-luc-ten { font-size: ${pt(A.headingSizePt.value)}; font-weight: bold; text-align: center; text-indent: 0; margin: 0; }
.phu-luc-kem-theo { font-size: ${pt(A.subtitleSizePt.value)}; font-style: italic; text-align: center; text-indent: 0; margin-bottom: 12pt; }
table.bang { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: ${pt(A.tableSizePt.value)}; line-height: 1.2; margin: 0 0 ${pt(L.text.paragraphSpacingPt.value)}; }
table.bang caption { font-style: italic; margin-bottom: 3pt; }
table.bang.lien { break-inside: avoid; page-break-inside: avoid; }
table.bang th, table.bang td { border: 0.5pt solid #000; padding: ${mm(A.tableCellPaddingMm.value / 2)} ${mm(A.tableCellPaddingMm.value)}; vertical-align: middle; overflow-wrap: break-word; hyphens: manual; }
table.bang th { font-weight: bold; text-align: center; }
table.bang thead { display: table-header-group; }
table.bang tr { break-inside: avoid; page-break-inside: avoid; }
table.bang tr.nhom td, table.bang tr.tong td { font-weight: bold; }
table.bang tr.nhom { break-after: avoid; page-break-after: avoid; }
/* A lead-in sentence ("…, cần ưu tiên xử lý:") stays with the table it introduces. */
p:has(+ table.bang) { break-after: avoid; page-break-after: avoid; }
/* No table opens at a page foot with one row, nor ends on a page with its last row alone. */
table.bang tbody tr:first-child, table.bang tbody tr:nth-last-child(2) { break-after: avoid; page-break-after: avoid; }
td.left { text-align: left; } td.center, td.giua { text-align: center; } td.right { text-align: right; white-space: nowrap; }
.ghi-chu-bang { font-size: ${pt(A.tableSizePt.value)}; font-style: italic; text-indent: 0; }
figure.so-do { margin: 6pt 0 12pt; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure.so-do svg { max-width: ${mm(textWidth)}; max-height: ${mm(A.diagramMaxHeightMm.value)}; width: 100%; height: auto; }
figure.so-do.ngang { page: ngang; margin: 0; }
h2:has(+ figure.so-do.ngang), h3:has(+ figure.so-do.ngang) { page: ngang; }
figure.so-do.ngang svg { max-width: ${mm(p.heightMm.value - p.marginLeftMm.value - p.marginRightMm.value)}; max-height: ${mm(p.widthMm.value - p.marginTopMm.value - p.marginBottomMm.value - FIGURE_CAPTION_MM)}; }
figure.so-do figcaption { font-size: ${pt(A.tableSizePt.value)}; font-style: italic; margin-top: 3pt; }
`;
}
