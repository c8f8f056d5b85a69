/** An integration ends, or moves to the replacement, when a system or dataset it connects ends. Source: CV 1215/TTg-KSTT (bảo đảm kết nối, chia sẻ, liên thông dữ liệu). */
import { entityTitle } from '../../analysis/names.js';
import { viShortDate } from '../../core/dates.js';
import type { DocPath } from '../../core/source.js';
import { text } from '../../core/text.js';
import { baseOf, existsAt, lifespanOf, valueAt } from '../../model/states.js';
import { defineEntityRule } from '../define-rule.js';

/** Integration statuses under which nothing flows any more. */
const STOPPED = new Set(['retired', 'suspended']);

export const integrationOutlivesEndpoint = defineEntityRule({
  id: 'integration.outlives-endpoint',
  severity: 'warning',
  confirmed: true,
  description: text(
    'Kết nối không được còn hiệu lực sau ngày hệ thống, tập dữ liệu mà nó kết nối dừng (until).',
    'An integration must not outlive a system or dataset it connects (until).',
  ),
  help: text(
    'Văn bản triển khai CV 1215/TTg-KSTT yêu cầu bảo đảm kết nối, chia sẻ, liên thông dữ liệu. Khi một hệ thống hay tập dữ liệu có "until" (dừng, hợp nhất), mọi kết nối tới nó phải dừng theo ("until" không muộn hơn), hoặc có chuyển đổi trỏ sang hệ thống thay thế (transitions: set: { from/to: … }) có hiệu lực trước ngày đó; nếu không, kiến trúc mục tiêu còn kết nối tới một hệ thống không còn tồn tại.',
    'The directive implementing Official Letter 1215 requires working data connections. When a system or dataset has "until" (retired, consolidated), every integration with it must end too ("until" no later), or have a transition moving it to the replacement (transitions: set: { from/to: … }) in force before that date; otherwise the target architecture holds a connection to something that no longer exists.',
  ),
  legalRef: 'CV 1215/TTg-KSTT; Quy định 05-QĐ/BCĐTW',
  // Each integration on its own, over its timeline: the integrations as written, present at the report
  // date or not (an edit judges again only the integrations whose reads changed).
  kind: 'integration',
  written: true,
  check({ model, entity: it, report }) {
    // The timeline is the model as written: an endpoint already gone at this state still counts.
    const base = baseOf(model);
    // Every endpoint it ever has: as written, and as its transitions set them.
    const written = [it, ...(it.transitions ?? []).map((t) => t.set)];
    const ends = new Map<string, string>();
    for (const ref of written.flatMap((v) => [v.from, v.to, ...(v.datasets ?? [])])) {
      if (ref === undefined) continue;
      const e = base.get(ref);
      const until = e ? lifespanOf(e).until : undefined;
      if (until !== undefined) ends.set(ref, until);
    }
    for (const [ref, until] of ends) {
      // The integration as it stands on the day the endpoint is gone.
      if (!existsAt(it, until) || STOPPED.has(String(valueAt(it, 'status', until).value))) continue;
      const at = ((): DocPath | undefined => {
        for (const side of ['from', 'to'] as const) {
          const v = valueAt(it, side, until);
          if (v.value === ref) return v.path;
        }
        const list = valueAt(it, 'datasets', until);
        const i = Array.isArray(list.value) ? list.value.indexOf(ref) : -1;
        return i < 0 ? undefined : [...list.path, i];
      })();
      if (at === undefined) continue;
      const endpoint = base.get(ref);
      const replacement = endpoint ? valueAt(endpoint, 'replacedBy', until).value : undefined;
      const field = String(at[at.length - (typeof at[at.length - 1] === 'number' ? 2 : 1)]);
      const name = entityTitle(model, it.ref);
      report({
        entity: it.ref,
        path: at,
        message: text(
          `${name.vi} vẫn kết nối ${model.shortNameOf(ref)} sau ngày ${viShortDate(until)}, khi ${ref} không còn (until).`,
          `${name.en} still connects ${model.shortNameOf(ref)} on ${until}, when ${ref} no longer exists (until).`,
        ),
        fix: typeof replacement === 'string'
          ? text(
              `Thêm chuyển đổi trước ${viShortDate(until)} chuyển "${field}" sang ${replacement}, hoặc đặt "until" cho kết nối không muộn hơn ${until}.`,
              `Add a transition before ${until} moving "${field}" to ${replacement}, or give the integration an "until" no later than ${until}.`,
            )
          : text(`Đặt "until" cho kết nối không muộn hơn ${until}, hoặc thêm chuyển đổi sang hệ thống thay thế trước ngày đó.`, `Give the integration an "until" no later than ${until}, or a transition to the replacement before that date.`),
      });
    }
  },
});
