/**
 * Vocabularies of the DCAT-AP 3 export: namespaces, the EU controlled vocabularies (Publications
 * Office "authority" tables) and how kientruc's values map onto them. The mappings are data: a value
 * with no sure match maps to nothing rather than to a guess.
 */

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcatap: 'http://data.europa.eu/r5r/',
  eli: 'http://data.europa.eu/eli/ontology#',
  adms: 'http://www.w3.org/ns/adms#',
} as const;

export type Prefix = keyof typeof NS;

const AUTH = 'http://publications.europa.eu/resource/authority/';

export interface Concept {
  readonly iri: string;
  readonly scheme: string;
  readonly schemeTitle: string;
  readonly en: string;
  readonly vi?: string;
}

/** EU access-right vocabulary, by kientruc sharing class (Luật Dữ liệu: dữ liệu mở / dùng chung / dùng riêng). */
export const ACCESS_RIGHTS: Readonly<Record<'open' | 'shared' | 'restricted', Concept>> = {
  open: { iri: `${AUTH}access-right/PUBLIC`, scheme: `${AUTH}access-right`, schemeTitle: 'Access right', en: 'public', vi: 'Công khai (dữ liệu mở)' },
  shared: { iri: `${AUTH}access-right/RESTRICTED`, scheme: `${AUTH}access-right`, schemeTitle: 'Access right', en: 'restricted', vi: 'Hạn chế (dữ liệu dùng chung giữa cơ quan nhà nước)' },
  restricted: { iri: `${AUTH}access-right/NON_PUBLIC`, scheme: `${AUTH}access-right`, schemeTitle: 'Access right', en: 'non-public', vi: 'Không công khai (dữ liệu dùng riêng)' },
};

const THEME_SCHEME = `${AUTH}data-theme`;
function theme(code: string, en: string, vi: string): Concept {
  return { iri: `${THEME_SCHEME}/${code}`, scheme: THEME_SCHEME, schemeTitle: 'Data theme', en, vi };
}
export const DATA_THEME_SCHEME = { iri: THEME_SCHEME, title: 'Data theme' } as const;

const THEMES = {
  EDUC: theme('EDUC', 'Education, culture and sport', 'Giáo dục, văn hóa và thể thao'),
  ECON: theme('ECON', 'Economy and finance', 'Kinh tế và tài chính'),
  ENVI: theme('ENVI', 'Environment', 'Môi trường'),
  GOVE: theme('GOVE', 'Government and public sector', 'Chính phủ và khu vực công'),
  HEAL: theme('HEAL', 'Health', 'Y tế'),
  JUST: theme('JUST', 'Justice, legal system and public safety', 'Tư pháp, pháp luật và an toàn công cộng'),
  SOCI: theme('SOCI', 'Population and society', 'Dân cư và xã hội'),
} as const;

/** EU data theme of a dataset linked to a national or sectoral database of the pack. */
export const THEME_BY_NATIONAL_DATABASE: Readonly<Record<string, Concept>> = {
  'national:csdlqg-dan-cu': THEMES.SOCI,
  'national:csdl-ho-tich-dien-tu': THEMES.SOCI,
  'national:csdlqg-bao-hiem': THEMES.SOCI,
  'national:csdl-lao-dong-viec-lam': THEMES.SOCI,
  'national:csdl-y-te': THEMES.HEAL,
  'national:csdl-giao-duc': THEMES.EDUC,
  'national:csdlqg-dang-ky-doanh-nghiep': THEMES.ECON,
  'national:csdlqg-dat-dai': THEMES.ENVI,
  'national:csdlqg-can-bo': THEMES.GOVE,
  'national:csdl-quoc-gia-tthc': THEMES.GOVE,
};

/** EU data theme of a QĐ 2439 data block, where the block alone decides it. */
export const THEME_BY_BLOCK: Readonly<Record<string, Concept>> = {
  'direction-policy': THEMES.GOVE,
  'internal-resources': THEMES.GOVE,
  institutional: THEMES.GOVE,
  'security-defence': THEMES.JUST,
};

/** EU frequency vocabulary, by `updateFrequency`. */
export const FREQUENCY: Readonly<Record<string, string>> = {
  realtime: `${AUTH}frequency/UPDATE_CONT`,
  daily: `${AUTH}frequency/DAILY`,
  weekly: `${AUTH}frequency/WEEKLY`,
  monthly: `${AUTH}frequency/MONTHLY`,
  quarterly: `${AUTH}frequency/QUARTERLY`,
  yearly: `${AUTH}frequency/ANNUAL`,
  'ad-hoc': `${AUTH}frequency/IRREG`,
};
export const FREQUENCY_SCHEME = `${AUTH}frequency`;

/** EU file-type codes for the formats open data is published in (upper-cased `openData.formats`). */
export const FILE_TYPES: ReadonlySet<string> = new Set([
  'CSV', 'DOCX', 'GEOJSON', 'HTML', 'JSON', 'JSON_LD', 'KML', 'ODS', 'PDF', 'RDF_TURTLE', 'RDF_XML', 'SHP', 'TXT', 'XLS', 'XLSX', 'XML', 'ZIP',
]);
export const FILE_TYPE_SCHEME = `${AUTH}file-type`;
export function fileType(code: string): string {
  return `${AUTH}file-type/${code}`;
}

export const LANGUAGE_VIE = `${AUTH}language/VIE`;
export const LANGUAGE_SCHEME = `${AUTH}language`;

/**
 * Licences named in `openData.license`, normalised (upper case, no spaces, "-", "_" or "."), to the EU
 * licence vocabulary. Another licence keeps its own text as the licence's label.
 */
export const LICENCES: Readonly<Record<string, string>> = {
  CCBY40: `${AUTH}licence/CC_BY_4_0`,
  CCBYSA40: `${AUTH}licence/CC_BYSA_4_0`,
  CC0: `${AUTH}licence/CC0`,
  CC010: `${AUTH}licence/CC0`,
};

export function licenceKey(text: string): string {
  return text.toUpperCase().replace(/[\s._-]/g, '');
}

/** ADMS publisher type, by agency level. */
export const PUBLISHER_TYPE: Readonly<Record<string, { iri: string; en: string }>> = {
  central: { iri: 'http://purl.org/adms/publishertype/NationalAuthority', en: 'National authority' },
  ministry: { iri: 'http://purl.org/adms/publishertype/NationalAuthority', en: 'National authority' },
  province: { iri: 'http://purl.org/adms/publishertype/RegionalAuthority', en: 'Regional authority' },
  department: { iri: 'http://purl.org/adms/publishertype/RegionalAuthority', en: 'Regional authority' },
  commune: { iri: 'http://purl.org/adms/publishertype/LocalAuthority', en: 'Local authority' },
};
export const PUBLISHER_TYPE_SCHEME = 'http://purl.org/adms/publishertype/1.0';

/**
 * Legal documents of the pack that govern a dataset, by what makes them apply. Only documents the
 * pack holds and that are in force on the reference date are cited (see legislation.ts).
 */
export const LEGISLATION_RULES: readonly { readonly id: string; readonly applies: 'all' | 'personal' | 'shared' | 'published' }[] = [
  { id: 'luat-du-lieu-2024', applies: 'all' },
  { id: 'nd-165-2025', applies: 'all' },
  { id: 'luat-bvdlcn-2025', applies: 'personal' },
  { id: 'nd-356-2025', applies: 'personal' },
  { id: 'nd-278-2025', applies: 'shared' },
  { id: 'nd-194-2025', applies: 'published' },
];
