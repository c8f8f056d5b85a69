/** Only the command asked for is loaded; anything else loads them all (help lists every one, typos get a suggestion). */
import { describe, expect, it } from 'vitest';
import { requestedCommands } from '../../src/cli/program.js';

describe('requestedCommands', () => {
  const ALL = requestedCommands([]);
  it('names every command when none is given, or the one given is unknown', () => {
    expect(ALL).toContain('validate');
    expect(ALL).toContain('init');
    expect(ALL.length).toBeGreaterThanOrEqual(12);
    expect(requestedCommands(['--help'])).toEqual(ALL);
    expect(requestedCommands(['valdate'])).toEqual(ALL);
  });
  it('loads just the command named, past global options and their values', () => {
    expect(requestedCommands(['validate', 'architecture'])).toEqual(['validate']);
    expect(requestedCommands(['--lang', 'en', '-q', 'check', '--format', 'sarif'])).toEqual(['check']);
    expect(requestedCommands(['help', 'build'])).toEqual(['build']);
    expect(requestedCommands(['-V'])).toEqual([]);
  });
});
