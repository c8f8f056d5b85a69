/**
 * Hostile strings: each tries to become structure in one kind of output. Put into every text field
 * of a model, they must come out as the same characters, shown as text, in every format.
 */
export interface Payload {
  readonly id: string;
  readonly text: string;
}

export const PAYLOADS: readonly Payload[] = [
  { id: 'markdown', text: '**đậm** _nghiêng_ [liên kết](https://evil.example) ![ảnh](x.png) # tiêu đề | ô | `mã` > trích' },
  { id: 'html', text: '<script>alert(1)</script><img src=x onerror=alert(1)><b>đậm</b> &amp; &lt;a href="javascript:x"&gt;' },
  { id: 'mermaid', text: 'A"]-->B["x"];click A "javascript:alert(1)" %%{init:{"theme":"dark"}}%% end; subgraph S' },
  { id: 'handlebars', text: "{{constructor.constructor 'alert(1)'}} {{{x}}} {{> p}} {{#each .}}x{{/each}} ${x}" },
  { id: 'lines', text: 'dòng 1\n::error file=x,line=1::giả mạo\r\n%0A %25 ,: ]]> <![CDATA[ x' },
  { id: 'control', text: '\u001b[31mđỏ\u001b[0m\u0007 \u202eđảo\u202c \u0000nul\u007f' },
  { id: 'formula', text: "=HYPERLINK(\"http://evil\",\"x\") @SUM(1+1) +cmd|' /C calc'!A0 \\x \\\\ '\"" },
];

/** Marker wrapped around every planted value: ASCII letters only, so no format can interpret it. */
export const open = (n: number): string => `XQ${n}QX`;
export const CLOSE = 'XQQX';
