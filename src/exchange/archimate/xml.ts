/**
 * The Open Group ArchiMate 3.1 Open Exchange Format (archimate3_Diagram.xsd), written as text: every
 * attribute and text value goes through `xmlText`, element order follows the XSD sequences.
 */
import type { AmModel, AmRelationship, Property, PropertyKey } from './types.js';

export const ARCHIMATE_NS = 'http://www.opengroup.org/xsd/archimate/3.0/';
export const SCHEMA_LOCATION = `${ARCHIMATE_NS} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd`;

/** Property definitions, in output order: identifier, Vietnamese name, XSD data type. */
export const PROPERTY_DEFINITIONS: readonly (readonly [PropertyKey, string])[] = [
  ['ref', 'Mã tham chiếu kientruc'],
  ['layer', 'Lớp kiến trúc (QĐ 3090)'],
  ['component', 'Thành phần kiến trúc'],
  ['status', 'Trạng thái'],
  ['level', 'Cấp cơ quan'],
  ['scope', 'Phạm vi cơ sở dữ liệu'],
  ['sharing', 'Phân loại dữ liệu theo chia sẻ'],
  ['sync', 'Đồng bộ về CSDL tổng hợp quốc gia'],
  ['security-level', 'Cấp độ an toàn hệ thống thông tin'],
  ['deployment', 'Hình thức triển khai'],
  ['public-url', 'Địa chỉ công khai'],
  ['internal-url', 'Địa chỉ nội bộ'],
  ['channel', 'Kênh kết nối, chia sẻ'],
  ['direction', 'Chiều trao đổi'],
  ['format', 'Phương thức kỹ thuật'],
  ['online-level', 'Mức độ cung cấp dịch vụ công trực tuyến'],
  ['field', 'Lĩnh vực'],
  ['procedures', 'Mã thủ tục hành chính'],
  ['portal-url', 'Địa chỉ trên Cổng Dịch vụ công quốc gia'],
  ['notes', 'Ghi chú nội bộ'],
];

const LANG = 'vi';

/** Escapes text for element content and double-quoted attributes; drops characters XML 1.0 forbids. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function propDefId(key: PropertyKey): string {
  return `propdef-${key}`;
}

function properties(lines: string[], indent: string, props: readonly Property[]): void {
  if (props.length === 0) return;
  lines.push(`${indent}<properties>`);
  for (const p of props) {
    lines.push(`${indent}  <property propertyDefinitionRef="${propDefId(p.key)}">`);
    lines.push(`${indent}    <value xml:lang="${LANG}">${xmlText(p.value)}</value>`);
    lines.push(`${indent}  </property>`);
  }
  lines.push(`${indent}</properties>`);
}

function named(lines: string[], indent: string, name: string | undefined, documentation: string | undefined): void {
  if (name !== undefined) lines.push(`${indent}<name xml:lang="${LANG}">${xmlText(name)}</name>`);
  if (documentation) lines.push(`${indent}<documentation xml:lang="${LANG}">${xmlText(documentation)}</documentation>`);
}

function relationshipOpen(r: AmRelationship): string {
  const access = r.type === 'Access' && r.accessType ? ` accessType="${r.accessType}"` : '';
  return `<relationship identifier="${r.id}" source="${r.source}" target="${r.target}" xsi:type="${r.type}"${access}>`;
}

/** Used property definitions only, so a public export declares nothing about withheld fields. */
function usedDefinitions(m: AmModel): readonly (readonly [PropertyKey, string])[] {
  const used = new Set<PropertyKey>();
  for (const e of m.elements) for (const p of e.properties) used.add(p.key);
  for (const r of m.relationships) for (const p of r.properties) used.add(p.key);
  return PROPERTY_DEFINITIONS.filter(([key]) => used.has(key));
}

export function writeArchimateXml(m: AmModel): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    `<model xmlns="${ARCHIMATE_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${SCHEMA_LOCATION}" identifier="${m.id}">`,
  );
  named(lines, '  ', m.name, m.documentation);
  if (m.elements.length) {
    lines.push('  <elements>');
    for (const e of m.elements) {
      lines.push(`    <element identifier="${e.id}" xsi:type="${e.type}">`);
      named(lines, '      ', e.name, e.documentation);
      properties(lines, '      ', e.properties);
      lines.push('    </element>');
    }
    lines.push('  </elements>');
  }
  if (m.relationships.length) {
    lines.push('  <relationships>');
    for (const r of m.relationships) {
      if (r.name === undefined && r.properties.length === 0) {
        lines.push(`    ${relationshipOpen(r).replace(/>$/, ' />')}`);
        continue;
      }
      lines.push(`    ${relationshipOpen(r)}`);
      named(lines, '      ', r.name, undefined);
      properties(lines, '      ', r.properties);
      lines.push('    </relationship>');
    }
    lines.push('  </relationships>');
  }
  if (m.folders.length) {
    lines.push('  <organizations>');
    for (const f of m.folders) {
      lines.push('    <item>');
      lines.push(`      <label xml:lang="${LANG}">${xmlText(f.label)}</label>`);
      for (const ref of f.refs) lines.push(`      <item identifierRef="${ref}" />`);
      lines.push('    </item>');
    }
    lines.push('  </organizations>');
  }
  const defs = usedDefinitions(m);
  if (defs.length) {
    lines.push('  <propertyDefinitions>');
    for (const [key, name] of defs) {
      lines.push(`    <propertyDefinition identifier="${propDefId(key)}" type="string">`);
      lines.push(`      <name xml:lang="${LANG}">${xmlText(name)}</name>`);
      lines.push('    </propertyDefinition>');
    }
    lines.push('  </propertyDefinitions>');
  }
  if (m.views.length) {
    lines.push('  <views>', '    <diagrams>');
    for (const v of m.views) {
      lines.push(`      <view identifier="${v.id}" xsi:type="Diagram">`);
      named(lines, '        ', v.name, v.documentation);
      for (const n of v.nodes) {
        lines.push(`        <node identifier="${n.id}" elementRef="${n.elementRef}" xsi:type="Element" x="${n.x}" y="${n.y}" w="${n.w}" h="${n.h}" />`);
      }
      for (const c of v.connections) {
        lines.push(`        <connection identifier="${c.id}" relationshipRef="${c.relationshipRef}" xsi:type="Relationship" source="${c.source}" target="${c.target}" />`);
      }
      lines.push('      </view>');
    }
    lines.push('    </diagrams>', '  </views>');
  }
  lines.push('</model>');
  return `${lines.join('\n')}\n`;
}
