import type { Diagnostic } from '../core/diagnostic.js';
import { entityLabel } from '../core/labels.js';
import type { Ref } from '../core/ref.js';
import type { DocPath } from '../core/source.js';
import { text, type Text } from '../core/text.js';
import { isTimedKind, timePointDate } from '../core/time-fields.js';
import type { Entity } from './types.js';

type Report = (ref: Ref, path: DocPath, code: string, severity: Diagnostic['severity'], message: Text, fix: Text | undefined) => void;

interface RawTimed {
  readonly id: string;
  readonly since?: unknown;
  readonly until?: unknown;
  readonly transitions?: readonly { readonly at?: unknown; readonly set?: Readonly<Record<string, unknown>> }[];
}

/**
 * What the schema cannot say about time (model/states.ts), for one entity (nothing for a kind without
 * time fields): it ends after it begins, each transition falls within its life, and no two
 * transitions set one field on one day.
 */
export function checkEntityTimeline(e: Entity, report: Report): void {
  if (!isTimedKind(e.entityKind)) return;
  const kind = e.entityKind;
  const raw = e as unknown as RawTimed;
  const label = entityLabel(kind, raw.id);
  const since = timePointDate(raw.since, 'start');
  const until = timePointDate(raw.until, 'end');
  if (since !== undefined && until !== undefined && since >= until) {
    report(
      e.ref,
      ['until'],
      'model.time-order',
      'error',
      text(`${label.vi} có "until" (${String(raw.until)}) không sau "since" (${String(raw.since)}).`, `${label.en} has "until" (${String(raw.until)}) not after "since" (${String(raw.since)}).`),
      text('Sửa "since" hoặc "until": thực thể có từ "since" và không còn từ "until".', 'Fix "since" or "until": the entity exists from "since" and no longer from "until".'),
    );
  }
  const seen = new Map<string, number>();
  (raw.transitions ?? []).forEach((t, i) => {
    const at = timePointDate(t.at, 'end');
    if (at === undefined) return;
    if (since !== undefined && at < since) {
      report(
        e.ref,
        ['transitions', i, 'at'],
        'model.time-order',
        'error',
        text(`Chuyển đổi thứ ${i + 1} của ${label.vi} có hiệu lực (${String(t.at)}) trước khi thực thể có (since: ${String(raw.since)}).`, `Transition ${i + 1} of ${label.en} takes effect (${String(t.at)}) before the entity exists (since: ${String(raw.since)}).`),
        text('Sửa "at" hoặc "since".', 'Fix "at" or "since".'),
      );
    }
    if (until !== undefined && at > until) {
      report(
        e.ref,
        ['transitions', i, 'at'],
        'model.time-order',
        'error',
        text(`Chuyển đổi thứ ${i + 1} của ${label.vi} có hiệu lực (${String(t.at)}) sau khi thực thể dừng (until: ${String(raw.until)}).`, `Transition ${i + 1} of ${label.en} takes effect (${String(t.at)}) after the entity ends (until: ${String(raw.until)}).`),
        text('Sửa "at" hoặc "until".', 'Fix "at" or "until".'),
      );
    }
    for (const field of Object.keys(t.set ?? {})) {
      const key = `${at}\u0000${field}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, i);
        continue;
      }
      report(
        e.ref,
        ['transitions', i, 'set', field],
        'model.transition-conflict',
        'error',
        text(`Chuyển đổi thứ ${first + 1} và thứ ${i + 1} của ${label.vi} cùng đặt "${field}" vào ngày ${at}.`, `Transitions ${first + 1} and ${i + 1} of ${label.en} both set "${field}" on ${at}.`),
        text(`Gộp hai thay đổi của "${field}", hoặc đổi ngày "at" của một trong hai.`, `Merge the two changes of "${field}", or move one of them to another "at".`),
      );
    }
  });
}
