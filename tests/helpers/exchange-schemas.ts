/**
 * The official schemas the exchange exports are checked against: The Open Group's ArchiMate 3.1
 * exchange-format XSDs (as shipped by Archi, archimatetool/archi org.opengroup.archimate.xmlexchange/xsd)
 * with Archi's table of valid relationships (com.archimatetool.model/model/relationships.xml), and the
 * DCAT-AP 3.0.0 SHACL shapes (SEMICeu/DCAT-AP releases/3.0.0/shacl/dcat-ap-SHACL.ttl and
 * releases/3.0.0/html/shacl/mdr-vocabularies.shape.ttl). They are third-party files and are not kept in
 * this repository: the folder comes from KIENTRUC_EXCHANGE_SCHEMAS, else ../shared/exchange-schemas
 * beside the checkout. Layout: archimate/{archimate3_Diagram.xsd, archimate3_View.xsd,
 * archimate3_Model.xsd, xml.xsd, relationships.xml}, dcat-ap-3.0.0/{dcat-ap-SHACL.ttl,
 * mdr-vocabularies.shape.ttl}. See docs/exchange.md.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO } from './project.js';
import { makeTempDir } from './tmp.js';

export function exchangeSchemasDir(): string | undefined {
  const candidates = [process.env['KIENTRUC_EXCHANGE_SCHEMAS'], join(REPO, '..', 'shared', 'exchange-schemas')];
  for (const c of candidates) if (c && existsSync(join(c, 'archimate', 'archimate3_Diagram.xsd'))) return resolve(c);
  return undefined;
}

/** An XML catalog so xmllint resolves the XSDs' import of http://www.w3.org/2001/xml.xsd offline. */
export function xmlCatalogFor(dir: string): string {
  const out = makeTempDir('xsd-');
  const file = join(out, 'catalog.xml');
  const xmlXsd = `file://${join(dir, 'archimate', 'xml.xsd')}`;
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n  <system systemId="http://www.w3.org/2001/xml.xsd" uri="${xmlXsd}"/>\n  <uri name="http://www.w3.org/2001/xml.xsd" uri="${xmlXsd}"/>\n</catalog>\n`,
  );
  return file;
}
