import { architectureState } from '../../../../analysis/architecture.js';
import { parseDeadline, viShortDate, type IsoDate } from '../../../../core/dates.js';
import { viCollator } from '../../../../core/text.js';
import type { Model } from '../../../../model/model.js';
import type { Transition } from '../../../../model/states.js';
import type { Kpi } from '../../../../model/types.js';
import { createContext, type StrategyContext } from '../../../strategy/context.js';
import { buildImplementation } from '../../../strategy/sections/implementation.js';
import { inline, targetPhrase } from '../../../strategy/sections/objectives.js';
import { buildGeneralObjective, buildPrinciples, buildVision } from '../../../strategy/sections/prose.js';
import { orient } from '../../../strategy/sections/tables.js';
import { buildTaskAppendix, orderTasks } from '../../../strategy/sections/tasks.js';
import type { DiagramView } from '../../../strategy/view-types.js';
import { closingSentence, deadlineText, entityName, fill, sentence, squash, viLetter, withoutEnding } from '../../../strategy/wording.js';
import { attachmentRef, buildHeader, buildMarks, buildSignature, issuerLines, issuingAuthority, legalBases, MOTTO, proposalLine, withReplacement, NATIONAL_TITLE, type FrameMeta } from '../../frame.js';
import { figureBlock, heading, paragraph, type Block, type OfficialDocView } from '../../view.js';
import type { DocumentInput } from '../input.js';
import { databasesAppendix, referenceAppendix, systemsAppendix } from './appendices.js';
import { gapChapter, roadmapChapter, roadmapSteps } from './roadmap.js';
import { stateViews } from './views.js';

/**
 * Khung kiến trúc số of the agency: a Quyết định phê duyệt (the form of the two provincial
 * architectures read, QĐ 3388/QĐ-UBND Gia Lai 31/12/2025 and QĐ 2352/QĐ-UBND Hưng Yên 29/12/2025)
 * with the architecture attached.
 *
 * Outline. CV 2943/CĐSQG-CNCPS (27/10/2025, Cục Chuyển đổi số quốc gia) guides the outline; what is
 * confirmed of it (press summary of the Đắk Lắk Department of Science and Technology, 29/10/2025,
 * https://www.vietnam.vn/en/bo-khoa-hoc-va-cong-nghe-huong-dan-xay-dung-khung-kien-truc-so-cap-bo-cap-tinh)
 * is its content list: goals, scope, principles, vision, development plan and digital-transformation
 * orientation; the current state of digital infrastructure, data, core platforms, shared applications
 * and cybersecurity; the target architecture; the rest is not confirmed. The chapter headings of the
 * published architectures were not readable in the sources found (only their decisions' headers and
 * căn cứ: https://nhansu.vn/van-ban-phap-luat/Quyet-dinh-3388-QD-UBND-2025-Khung-kien-truc-so-Gia-Lai-694749.html,
 * https://nhansu.vn/van-ban-phap-luat/Quyet-dinh-2352-QD-UBND-2025-Khung-kien-truc-so-Hung-Yen-687309.html).
 * So the chapters follow that content list in order and, past it, the generic structure of issue #15
 * (not attributed to CV 2943): I. Căn cứ; II. Mục tiêu, phạm vi, nguyên tắc, tầm nhìn; III. Hiện trạng;
 * IV. Kiến trúc mục tiêu; V. Phân tích khoảng cách; VI. Lộ trình; VII. Tổ chức thực hiện; Phụ lục.
 */

export interface ArchitectureInput extends DocumentInput {
  /** The model of the target state (the current one is `model`). */
  readonly target: Model;
  readonly targetYear: number;
  /** The last day of the target year: the date the target state is measured at. */
  readonly targetDate: IsoDate;
  /** The overall diagram of each state (null under --no-render or for an empty model). */
  readonly figures: { readonly current: DiagramView | null; readonly target: DiagramView | null };
  /** The model's timeline from the current to the target state (`transitionsBetween`): the computed roadmap. */
  readonly transitions: readonly Transition[];
}


const capFirst = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/**
 * Targets due from the document date to the end of the target year: the strategy's own targets (the
 * same KPIs), over the architecture's horizon. Targets already due are the current state's business.
 */
function targets(ctx: StrategyContext, targetDate: IsoDate): Block[] {
  const due = (k: Kpi): string | null => {
    const d = parseDeadline(k.target?.deadline);
    return d?.kind === 'date' ? d.date : null;
  };
  const list = ctx.model
    .all('kpi')
    .filter((k) => k.target !== undefined && k.statistic !== true)
    .filter((k) => {
      const d = due(k);
      return d !== null && d >= ctx.docDate && d <= targetDate;
    })
    .sort((a, b) => ((due(a) ?? '') < (due(b) ?? '') ? -1 : (due(a) ?? '') > (due(b) ?? '') ? 1 : 0) || viCollator.compare(a.name, b.name));
  return list.map((k) => {
    const t = k.target as NonNullable<Kpi['target']>;
    return paragraph(sentence(`- ${squash(k.name)}: ${targetPhrase(t.value, k)}, thời hạn ${inline(deadlineText(t.deadline))}`));
  });
}

/** The national frameworks and guidance an architecture is built on (pack ids), in this order. */
const FRAMEWORK_BASES = ['qd-3090-qdbkhcn-2025', 'qd-292-qdbkhcn-2025', 'qd-2439-qdttg-2025', 'cv-5441-bkhcncdsqg-2025', 'cv-2943-cdsqgcncps-2025'] as const;

/** I. CĂN CỨ: the decision's căn cứ by reference, the framework documents by name (those issued by the document date). */
function basesChapter(ctx: StrategyContext): Block[] {
  const docs = FRAMEWORK_BASES.map((id) => ctx.model.pack.legal.find((l) => l.id === id)).filter((l) => l !== undefined && (l.date === undefined || l.date <= ctx.docDate));
  return [
    paragraph(`Khung kiến trúc số được xây dựng trên cơ sở các văn bản nêu tại phần căn cứ của Quyết định phê duyệt${docs.length ? ', trực tiếp là:' : '.'}`),
    ...docs.map((l, i) => paragraph(`- ${withoutEnding(l!.citation)}${i === docs.length - 1 ? '.' : ';'}`)),
  ];
}

function goalsChapter(ctx: StrategyContext, input: ArchitectureInput, orgs: { total: number; communes: number }): Block[] {
  const out: Block[] = [heading(2, '1. Mục tiêu'), heading(3, 'a) Mục tiêu chung')];
  out.push(...buildGeneralObjective(ctx).items.map((i) => paragraph(i.text)));
  out.push(heading(3, `b) Mục tiêu cụ thể đến năm ${input.targetYear}`));
  const t = targets(ctx, input.targetDate);
  out.push(...(t.length ? t : [paragraph('Chưa khai báo chỉ tiêu có thời hạn trong giai đoạn này.', { italic: true })]));
  out.push(
    heading(2, '2. Phạm vi áp dụng'),
    paragraph(
      sentence(
        `Khung kiến trúc số áp dụng đối với các cơ quan, đơn vị thuộc ${ctx.agency?.name ?? ctx.model.root} (${orgs.total} cơ quan, đơn vị${orgs.communes ? `, trong đó ${orgs.communes} xã, phường` : ''}) trong việc xây dựng, nâng cấp, vận hành, kết nối các hệ thống thông tin, cơ sở dữ liệu và nền tảng số giai đoạn ${ctx.year} - ${input.targetYear}; là căn cứ để thẩm định chủ trương, dự án đầu tư, thuê dịch vụ công nghệ thông tin, chuyển đổi số`,
      ),
    ),
    heading(2, '3. Nguyên tắc'),
    paragraph('Bảo đảm thống nhất, đồng bộ với Khung kiến trúc tổng thể quốc gia số, quản trị dựa trên kết quả; cùng các nguyên tắc sau:'),
    ...buildPrinciples(ctx).items.map((i) => paragraph(`${i.label ?? '-'} ${i.text}`)),
    heading(2, '4. Tầm nhìn'),
    ...buildVision(ctx).items.map((i) => paragraph(i.text)),
  );
  return out;
}

/** The Quyết định phê duyệt Khung kiến trúc số with the architecture attached. */
export function buildArchitectureView(input: ArchitectureInput): OfficialDocView {
  const doc = input.model.agency?.document;
  // The agency's `document` block describes this document only when the agency chose it.
  const own = doc?.kind === 'kien-truc';
  const number = own ? doc?.number : undefined;
  const base = createContext({ model: input.model, asOf: input.asOf, audience: input.audience, assets: input.assets, attachedTo: { typeCode: 'QĐ', number, docName: 'Quyết định' }, documentName: 'Khung kiến trúc số' }, orderTasks);
  const ctx: StrategyContext = { ...base, appendix: { systems: 'I', databases: 'II', state: 'III', tasks: 'IV', gaps: 'V' } };
  const tasksAppendix = orient(buildTaskAppendix(ctx));
  const entity = entityName(ctx.agency?.name ?? ctx.model.root);
  const name = `Khung kiến trúc số ${entity}`;
  const subject = squash(own && doc?.title ? doc.title : `Phê duyệt ${name}`);
  const current = architectureState(input.model, input.asOf);
  const future = architectureState(input.target, input.targetDate);
  const bases = legalBases(ctx, ['cv-5441-bkhcncdsqg-2025', 'cv-2943-cdsqgcncps-2025'], 'kien-truc');
  const asOfText = `Hiện trạng (số liệu đến ngày ${viShortDate(input.asOf)})`;
  const when = `Đến năm ${input.targetYear}`;
  const body: Block[] = [
    heading(1, 'I. CĂN CỨ XÂY DỰNG'),
    ...basesChapter(ctx),
    heading(1, 'II. MỤC TIÊU, PHẠM VI, NGUYÊN TẮC VÀ TẦM NHÌN'),
    ...goalsChapter(ctx, input, current.orgs),
    heading(1, 'III. HIỆN TRẠNG KIẾN TRÚC SỐ'),
    ...stateViews(ctx, { model: input.model, figures: current, when: asOfText, diagram: input.figures.current }, { current: true }),
    heading(1, `IV. KIẾN TRÚC SỐ MỤC TIÊU ĐẾN NĂM ${input.targetYear}`),
    heading(2, '1. Mô hình tổng thể'),
    paragraph(
      `Kiến trúc mục tiêu tổ chức các thành phần theo bốn lớp chức năng của Khung kiến trúc tổng thể quốc gia số, từ dưới lên: ${(ctx.model.pack.enums['layer']?.values ?? []).map((v) => lowerFirst(v.vi)).join('; ')}${input.figures.target ? ` (${input.figures.target.caption.slice(0, input.figures.target.caption.indexOf('.'))})` : ''}.`,
    ),
    ...stateViews(ctx, { model: input.target, figures: future, when, diagram: input.figures.target }, { current: false, first: 2 }),
    heading(1, 'V. PHÂN TÍCH KHOẢNG CÁCH'),
    ...gapChapter(ctx, { target: input.target, current, future, targetYear: input.targetYear, diagnostics: input.diagnostics }),
    heading(1, 'VI. LỘ TRÌNH TRIỂN KHAI'),
    ...roadmapChapter(ctx, roadmapSteps(ctx, input.target, input.transitions), input.targetYear),
    heading(1, 'VII. TỔ CHỨC THỰC HIỆN'),
  ];
  for (const b of buildImplementation(ctx).bodies) {
    body.push(heading(2, `${b.label} ${b.name}`), ...b.items.map((i) => paragraph(i.text, i.label ? { label: i.label } : {})));
  }
  body.push(paragraph(closingSentence(fill(ctx.defaults.planClosing, ctx.vars))));

  const frame: FrameMeta = {
    typeCode: 'QĐ',
    docType: 'QUYẾT ĐỊNH',
    subject,
    number,
    isDraft: !own || doc?.status !== 'issued',
    recipients: doc?.recipients,
    signer: doc?.signer,
    authority: issuingAuthority(ctx),
  };
  return {
    meta: { kind: 'kien-truc', title: subject, audience: input.audience, documentDate: ctx.docDate, asOf: input.asOf, generator: input.generator, lang: 'vi' },
    marks: buildMarks(ctx, frame),
    header: buildHeader(ctx, frame),
    addressees: null,
    preamble: {
      authority: issuingAuthority(ctx),
      bases,
      proposal: proposalLine(ctx),
      decides: 'QUYẾT ĐỊNH:',
    },
    body: [paragraph(`Phê duyệt ${name} kèm theo Quyết định này.`, { label: 'Điều 1.' })],
    closing: [
      paragraph(withReplacement(ctx, 'kien-truc', sentence(own && doc?.effect ? doc.effect : ctx.defaults.effect)), { label: 'Điều 2.' }),
      paragraph(closingSentence(fill(ctx.level.executors, ctx.vars)), { label: 'Điều 3.' }),
    ],
    signature: buildSignature(ctx, frame),
    attachment: {
      issuerLines: issuerLines(ctx),
      nationalTitle: NATIONAL_TITLE,
      motto: MOTTO,
      docType: 'KHUNG KIẾN TRÚC SỐ',
      subject: `${capFirst(entity)} đến năm ${input.targetYear}`,
      issuedWith: `(Kèm theo ${attachmentRef(ctx, frame, 'Quyết định')})`,
      body,
    },
    appendices: [systemsAppendix(ctx, input.target, input.targetYear), databasesAppendix(ctx, input.target, input.targetYear), referenceAppendix(ctx, input.target, input.targetYear), tasksAppendix],
  };
}
