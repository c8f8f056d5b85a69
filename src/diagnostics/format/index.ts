import type { Formatter } from './context.js';
import { formatGithub } from './github.js';
import { formatJson, jsonChunks } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish, stylishChunks } from './stylish.js';

export const FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

/** Formats that can also be written piece by piece (the same text as FORMATTERS gives). */
export const FORMAT_CHUNKS = { stylish: stylishChunks, json: jsonChunks } as const;
