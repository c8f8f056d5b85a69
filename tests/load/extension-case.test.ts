import { describe, expect, it } from 'vitest';
import { discoverYamlFiles, isYamlName } from '../../src/load/discover.js';
import { AGENCY, makeProject, pipelineFor } from '../helpers/project.js';
import { join } from 'node:path';

const SYS = `apiVersion: kientruc/v1
kind: System
id: kenh
name: Kênh tương tác
layer: L4
component: sectoral-app
status: operating
owner: agency:tinh-thu
`;

describe('YAML files are found whatever the case of their extension', () => {
  it('isYamlName', () => {
    for (const name of ['a.yaml', 'a.yml', 'L4.YAML', 'b.YML', 'c.Yaml']) expect(isYamlName(name)).toBe(true);
    for (const name of ['a.yaml.bak', 'a.json', 'yaml', 'a.yamll']) expect(isYamlName(name)).toBe(false);
  });

  it('discovery lists L4.YAML and b.Yml', async () => {
    const dir = makeProject({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/L4.YAML': SYS, 'architecture/b.Yml': SYS.replace('id: kenh', 'id: kenh-2') });
    const root = join(dir, 'architecture');
    expect((await discoverYamlFiles(root, dir)).map((f) => f.display)).toEqual(['architecture/agency.yaml', 'architecture/b.Yml', 'architecture/systems/L4.YAML']);
  });

  it('the entities of an upper-case .YAML file resolve', async () => {
    const r = await pipelineFor({ 'architecture/agency.yaml': AGENCY, 'architecture/systems/L4.YAML': SYS, 'architecture/systems/b.yaml': SYS.replace('id: kenh', 'id: b').replace('owner: agency:tinh-thu', 'owner: agency:tinh-thu\nreplacedBy: system:kenh') }, { rules: false });
    expect(r.diagnostics.filter((d) => d.code === 'model.unresolved-ref')).toEqual([]);
    expect(r.model.get('system:kenh')?.origin.file).toBe('architecture/systems/L4.YAML');
  });
});
