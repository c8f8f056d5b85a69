import { parseDeadline } from '../../../core/dates.js';
import { viCollator } from '../../../core/text.js';
import type { Kpi } from '../../../model/types.js';
import { createContext, type StrategyContext } from '../../strategy/context.js';
import { buildBudget } from '../../strategy/sections/budget.js';
import { buildImplementation } from '../../strategy/sections/implementation.js';
import { deadlineText } from '../../strategy/wording.js';
import { inline, targetPhrase } from '../../strategy/sections/objectives.js';
import { buildGeneralObjective } from '../../strategy/sections/prose.js';
import { orient } from '../../strategy/sections/tables.js';
import { buildTaskAppendix, groupTasks, orderTasks } from '../../strategy/sections/tasks.js';
import { closingSentence, fill, sentence, squash, viLetter, withoutEnding } from '../../strategy/wording.js';
import { attachmentRef, buildHeader, buildMarks, buildSignature, citation, issuerLines, issuingAuthority, legalBases, MOTTO, NATIONAL_TITLE, proposalLine, withReplacement, type FrameMeta } from '../frame.js';
import { kpiTheme, planThemes, themeTitle } from '../themes.js';
import { heading, paragraph, tableBlock, type Block, type OfficialDocView } from '../view.js';
import type { DocumentInput } from './input.js';

/**
 * Kế hoạch (KH-UBND), standalone or issued by a decision ("Quyết định ban hành Kế hoạch"):
 * I. Mục đích, yêu cầu; II. Mục tiêu (chung; cụ thể by theme); III. Nhiệm vụ, giải pháp by theme;
 * IV. Kinh phí; V. Tổ chức thực hiện (from task leads and partners); Phụ lục: the task table.
 */

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const upperFirst = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

function planSubject(ctx: StrategyContext, own: boolean): string {
  const title = own ? ctx.agency?.document?.title : undefined;
  return squash(title ?? strategyOf(ctx)?.planTitle ?? fill(ctx.defaults.planTitle, ctx.vars));
}

/**
 * The strategy this plan carries out, when the agency's own document is the strategy: the plan is
 * named after it ("Phê duyệt Chiến lược dữ liệu tỉnh Sơn Hà giai đoạn 2026 - 2030, định hướng đến năm
 * 2035" → "Triển khai thực hiện Chiến lược dữ liệu tỉnh Sơn Hà giai đoạn 2026 - 2030, …", not the
 * pack's shorter "… đến năm 2035"), and its decision is the plan's last căn cứ once it is dated on or
 * before the plan (a draft's blank number printed as written, as drafts cite drafts).
 */
function strategyOf(ctx: StrategyContext): { readonly planTitle: string | undefined; readonly basis: string | undefined } | undefined {
  const doc = ctx.agency?.document;
  if (!doc || (doc.kind ?? 'chien-luoc') !== 'chien-luoc' || !doc.title) return undefined;
  const title = withoutEnding(doc.title);
  const approves = /^Phê duyệt\s+(Chiến lược\b.*)$/u.exec(title);
  const planTitle = approves ? `Triển khai thực hiện ${approves[1]}` : undefined;
  const basis =
    doc.number && doc.date && doc.date <= ctx.docDate
      ? `Căn cứ ${citation(upperFirst((doc.type ?? 'Quyết định').toLocaleLowerCase('vi')), doc.number.replace(/^ +/, (m) => '\u00a0'.repeat(m.length)), doc.date, ctx.agency?.name ?? squash(doc.issuer ?? ''), title)};`
      : undefined;
  return { planTitle, basis };
}

/** The căn cứ of the plan: the frame's, then the strategy it carries out (`strategyOf`). */
function planBases(ctx: StrategyContext): string[] {
  const strategy = strategyOf(ctx)?.basis;
  return [...legalBases(ctx, [], 'ke-hoach'), ...(strategy ? [strategy] : [])];
}

/** Targets by theme: every KPI with a target, as "name: đạt x%, thời hạn …". */
function targetsByTheme(ctx: StrategyContext): Block[] {
  const kpis = ctx.model.all('kpi').filter((k) => k.target !== undefined);
  const out: Block[] = [];
  const themes = planThemes(ctx.model);
  const line = (k: Kpi): Block => {
    const t = k.target as NonNullable<Kpi['target']>;
    return paragraph(sentence(`- ${squash(k.name)}: ${targetPhrase(t.value, k)}, thời hạn ${inline(deadlineText(t.deadline))}`));
  };
  const byDeadline = (a: Kpi, b: Kpi): number => {
    const da = parseDeadline(a.target?.deadline);
    const db = parseDeadline(b.target?.deadline);
    const ka = da?.kind === 'date' ? da.date : '9999';
    const kb = db?.kind === 'date' ? db.date : '9999';
    return (ka < kb ? -1 : ka > kb ? 1 : 0) || viCollator.compare(a.name, b.name);
  };
  let n = 0;
  for (const th of themes) {
    const list = kpis.filter((k) => kpiTheme(k) === th.id).sort(byDeadline);
    if (!list.length) continue;
    out.push(heading(3, `${viLetter(n++)}) ${th.title}`), ...list.map(line));
  }
  const other = kpis.filter((k) => !themes.some((t) => t.id === kpiTheme(k))).sort(byDeadline);
  if (other.length) out.push(heading(3, `${viLetter(n)}) Chỉ tiêu khác`), ...other.map(line));
  return out;
}

/** III. Nhiệm vụ, giải pháp: one numbered group per theme, the task numbers of the Phụ lục. */
function tasksByTheme(ctx: StrategyContext): Block[] {
  const out: Block[] = [];
  for (const g of groupTasks(ctx)) {
    out.push(heading(2, `${g.number}. ${themeTitle(ctx.model, g.area)}`));
    g.tasks.forEach((t, i) => {
      const what = t.description ? `${squash(t.name)}: ${withoutEnding(t.description)}` : squash(t.name);
      out.push(paragraph(sentence(what), { label: `${viLetter(i)})` }));
    });
  }
  if (!out.length) out.push(paragraph('Chưa có nhiệm vụ nào được giao.', { italic: true }));
  return out;
}

function planBody(ctx: StrategyContext): Block[] {
  const doc = ctx.agency?.document;
  const purposes = (doc?.purposes ?? ctx.defaults.planPurposes).map((p) => sentence(fill(p, ctx.vars)));
  const requirements = (doc?.requirements ?? ctx.defaults.planRequirements).map((p) => sentence(fill(p, ctx.vars)));
  const budget = buildBudget(ctx);
  const impl = buildImplementation(ctx);
  const body: Block[] = [
    heading(1, 'I. MỤC ĐÍCH, YÊU CẦU'),
    heading(2, '1. Mục đích'),
    ...purposes.map((p) => paragraph(`- ${p}`)),
    heading(2, '2. Yêu cầu'),
    ...requirements.map((p) => paragraph(`- ${p}`)),
    heading(1, 'II. MỤC TIÊU'),
    heading(2, '1. Mục tiêu chung'),
    ...buildGeneralObjective(ctx).items.map((i) => paragraph(i.text)),
    heading(2, '2. Mục tiêu cụ thể'),
    ...targetsByTheme(ctx),
    heading(1, 'III. NHIỆM VỤ, GIẢI PHÁP'),
    paragraph(`Các nhiệm vụ cụ thể, cơ quan chủ trì, phối hợp và thời hạn hoàn thành tại Phụ lục ${ctx.appendix.tasks} kèm theo Kế hoạch này.`),
    ...tasksByTheme(ctx),
    heading(1, 'IV. KINH PHÍ THỰC HIỆN'),
    ...budget.paragraphs.map((p) => paragraph(p.text, p.label ? { label: p.label } : {})),
    ...(budget.table ? [tableBlock(budget.table)] : []),
    ...(budget.total ? [paragraph(budget.total)] : []),
    heading(1, 'V. TỔ CHỨC THỰC HIỆN'),
  ];
  for (const b of impl.bodies) {
    body.push(heading(2, `${b.label} ${b.name}`), ...b.items.map((i) => paragraph(i.text, i.label ? { label: i.label } : {})));
  }
  return body;
}

/** The Kế hoạch in the form `agency.document.form` asks for (standalone by default). */
export function buildPlanView(input: DocumentInput): OfficialDocView {
  const doc = input.model.agency?.document;
  // The agency's `document` block describes this plan only when the agency chose the plan as its document.
  const own = doc?.kind === 'ke-hoach';
  // `form` concerns only a plan, so it applies even when the agency's own document is another kind
  // (`doc --kind ke-hoach` beside a strategy); the number and the date are then left blank.
  const form = doc?.form ?? 'standalone';
  const number = own ? doc?.number : undefined;
  const attachedTo =
    form === 'decision'
      ? { typeCode: 'QĐ', number, docName: 'Quyết định' }
      : { typeCode: 'KH', number, docName: 'Kế hoạch' };
  const ctx = createContext({ model: input.model, asOf: input.asOf, audience: input.audience, assets: input.assets, attachedTo, documentName: 'Kế hoạch' }, orderTasks);
  const tasksAppendix = orient(buildTaskAppendix(ctx));
  const subject = planSubject(ctx, own);
  const closing = [paragraph(closingSentence(fill(ctx.defaults.planClosing, ctx.vars)))];
  // A plan has no Điều 3: "Như Điều 3" becomes the bodies section V assigns.
  const recipients = (doc?.recipients ?? ctx.defaults.defaultRecipients).map((r) =>
    form === 'standalone' && /^Như Điều 3\b/u.test(r.trim()) ? 'Các cơ quan, đơn vị tại mục V' : r,
  );
  const common = { isDraft: doc?.status !== 'issued' || !own, recipients, signer: doc?.signer };
  const meta = (m: Pick<FrameMeta, 'typeCode' | 'docType' | 'subject'>): FrameMeta => ({ ...m, number, ...common });
  const view = (frame: FrameMeta, rest: Pick<OfficialDocView, 'preamble' | 'body' | 'closing' | 'attachment'>): OfficialDocView => ({
    meta: { kind: 'ke-hoach', title: frame.subject, audience: input.audience, documentDate: ctx.docDate, asOf: input.asOf, generator: input.generator, lang: 'vi' },
    marks: buildMarks(ctx, frame),
    header: buildHeader(ctx, frame),
    addressees: null,
    signature: buildSignature(ctx, frame),
    appendices: [tasksAppendix],
    ...rest,
  });
  const issuer = ctx.agency?.name ?? ctx.model.root;
  if (form === 'standalone') {
    const bases = planBases(ctx).map((b) => paragraph(b));
    const intro = paragraph(`${issuer} ban hành Kế hoạch ${lowerFirst(withoutEnding(subject))} như sau:`);
    return view(meta({ typeCode: 'KH', docType: 'KẾ HOẠCH', subject }), { preamble: null, body: [...bases, intro, ...planBody(ctx)], closing, attachment: null });
  }
  const decisionSubject = `Ban hành Kế hoạch ${lowerFirst(withoutEnding(subject))}`;
  const authority = issuingAuthority(ctx);
  const frame = { ...meta({ typeCode: 'QĐ', docType: 'QUYẾT ĐỊNH', subject: decisionSubject }), authority };
  return view(frame, {
    preamble: {
      authority,
      bases: planBases(ctx),
      proposal: proposalLine(ctx),
      decides: 'QUYẾT ĐỊNH:',
    },
    body: [paragraph(`Ban hành kèm theo Quyết định này Kế hoạch ${lowerFirst(withoutEnding(subject))}.`, { label: 'Điều 1.' })],
    closing: [
      paragraph(withReplacement(ctx, 'ke-hoach', sentence(doc?.effect ?? ctx.defaults.effect)), { label: 'Điều 2.' }),
      paragraph(closingSentence(fill(ctx.level.executors, ctx.vars)), { label: 'Điều 3.' }),
    ],
    attachment: {
      issuerLines: issuerLines(ctx),
      nationalTitle: NATIONAL_TITLE,
      motto: MOTTO,
      docType: 'KẾ HOẠCH',
      subject,
      issuedWith: `(Ban hành kèm theo ${attachmentRef(ctx, frame, 'Quyết định')})`,
      body: [...planBody(ctx), ...closing],
    },
  });
}
