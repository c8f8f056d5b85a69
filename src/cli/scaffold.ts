import { expandBodyNames } from '../core/abbreviations.js';
import { slugify } from '../core/labels.js';
import type { IsoDate } from '../core/dates.js';
import { viShortDate } from '../core/dates.js';
import { gitlabCi, githubWorkflow } from './ci-templates.js';

export interface ScaffoldInput {
  readonly name: string;
  readonly id: string;
  readonly level: 'ministry' | 'province' | 'department' | 'commune';
  readonly code?: string;
  readonly today: IsoDate;
  readonly version: string;
  /** What package.json installs kientruc from (an npm dependency spec); default: `version` from the registry. */
  readonly packageSpec?: string;
}

/** The scripts a starter's package.json has, and that `init` merges into an existing one. */
export const INIT_SCRIPTS: Readonly<Record<string, string>> = { check: 'kientruc check architecture', build: 'kientruc build architecture' };

const HEADER = (depth: number) => `# yaml-language-server: $schema=${'../'.repeat(depth)}generated/schema/kientruc.schema.json\n`;

/** YAML double-quoted string. */
function q(s: string): string {
  return JSON.stringify(s);
}

/** Words that open an administrative unit's name in an agency name, longest first ("thị xã" before "xã"). */
const UNIT_WORDS = ['thành phố', 'thị trấn', 'thị xã', 'đặc khu', 'tỉnh', 'huyện', 'quận', 'phường', 'xã', 'tp.'];

/**
 * The place name documents print before the date ("Sơn Hà, ngày … tháng … năm …", NĐ 30/2020/NĐ-CP):
 * the proper name after the first administrative unit in the agency's name — "Sở Y tế tỉnh Sơn Hà" →
 * "Sơn Hà", "Ủy ban nhân dân xã An Phú" → "An Phú"; a unit named by a number keeps its word
 * ("Phường 12"). Undefined when the name holds no place (a ministry): init then writes no value
 * rather than a wrong one. The unit word must be followed by a capitalised word, so "Xã hội" in
 * "Sở Lao động - Thương binh và Xã hội" is not a commune.
 */
export function placeNameOf(agencyName: string): string | undefined {
  const words = agencyName.normalize('NFC').split(/\s+/).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    for (const unit of UNIT_WORDS) {
      const parts = unit.split(' ');
      if (parts.some((p, k) => words[i + k]?.toLocaleLowerCase('vi') !== p)) continue;
      const rest = words.slice(i + parts.length);
      const first = rest[0]?.replace(/[,;.]$/, '');
      if (first !== undefined && /^\d+$/.test(first)) return `${unit.charAt(0).toLocaleUpperCase('vi')}${unit.slice(1)} ${first}`;
      const name: string[] = [];
      for (const w of rest) {
        if (!/^\p{Lu}/u.test(w)) break;
        const bare = w.replace(/[,;.]$/, '');
        name.push(bare);
        if (bare !== w) break;
      }
      // A unit named after a person is written in full (NĐ 30/2020/NĐ-CP, Phụ lục I).
      if (name.length > 0) return name.join(' ') === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : name.join(' ');
    }
  }
  return undefined;
}

/** The files of a starter repository: one valid example of each kind, CI workflows, editor settings. */
export function scaffoldFiles(input: ScaffoldInput): Record<string, string> {
  const { id, level, today } = input;
  // Written in full, so the issuer and the "…/QĐ-UBND" of the documents are those of the full name.
  const name = expandBodyNames(input.name);
  const year = Number(today.slice(0, 4));
  const ref = `agency:${id}`;
  const place = placeNameOf(name);
  const files: Record<string, string> = {};
  files['architecture/agency.yaml'] = `${HEADER(1)}# Cơ quan lập kiến trúc. Thay các giá trị ví dụ bằng thông tin thật của cơ quan.
apiVersion: kientruc/v1
kind: Agency
id: ${id}
name: ${q(name)}
framework: vn-2025
level: ${level}
${input.code ? `code: ${q(input.code)}` : `# Mã định danh cơ quan theo QCVN 102 (ví dụ "000.00.31.H99"): thay "chưa xác định" bằng mã được cấp.
# kientruc check cảnh báo (agency.unknown-fact) cho tới khi có mã; kientruc aggregate cần mã này.
code: "chưa xác định"`}
${
  place !== undefined
    ? `location: ${q(place)}`
    : `# Địa danh ghi trên văn bản ("Hà Nội, ngày … tháng … năm …"): nơi cơ quan đóng trụ sở. Bỏ dấu # và điền:
# location: "<địa danh>"`
}
asOf: ${today}
governance:
  reportingPeriod: quarterly
document:
  status: draft
  title: ${q(`Phê duyệt Chiến lược dữ liệu của ${name}`)}
  issuer: ${q(name.toLocaleUpperCase('vi'))}
`;
  files['architecture/organizations/don-vi.yaml'] = `${HEADER(2)}# Các cơ quan, đơn vị được nêu là chủ quản, chủ trì, phối hợp. Cơ quan trung ương (org:bo-cong-an, …)
# đã có sẵn trong bộ khung: xem "kientruc schema --list organizations".
apiVersion: kientruc/v1
kind: Organization
id: don-vi-cntt
name: ${q(`Đơn vị chuyên trách công nghệ thông tin, chuyển đổi số của ${name}`)}
level: unit
parent: ${ref}
roles: [dx-standing-body, data-coordinator]
`;
  files['architecture/systems/he-thong.yaml'] = `${HEADER(2)}# Mỗi hệ thống thông tin một tài liệu; ngăn cách các tài liệu bằng "---".
# Khi hệ thống chuyển sang xây dựng, vận hành (status: building, operating): khai báo
# security.level, security.dossier: approved và security.decision (số, ngày) theo NĐ 85/2016/NĐ-CP.
apiVersion: kientruc/v1
kind: System
id: quan-ly-van-ban
name: Hệ thống quản lý văn bản và điều hành
layer: L3
component: document-management
status: planned
owner: ${ref}
operator: org:don-vi-cntt
functionClass: internal
infoClasses: [public, private]
security:
  level: 2
  dossier: drafting
hosting:
  deployment: provincial-dc
`;
  files['architecture/datasets/du-lieu.yaml'] = `${HEADER(2)}apiVersion: kientruc/v1
kind: Dataset
id: van-ban-di-den
name: Cơ sở dữ liệu văn bản đi, đến
scope: internal
layer: transactional
block: internal-resources
sharing: restricted
criticality: other
personalData: basic
owner: ${ref}
custodian: org:don-vi-cntt
system: system:quan-ly-van-ban
classifiedOn: ${today}
`;
  files['architecture/integrations/ket-noi.yaml'] = `${HEADER(2)}apiVersion: kientruc/v1
kind: Integration
id: lien-thong-van-ban
name: Liên thông văn bản điện tử qua Trục liên thông văn bản quốc gia
from: system:quan-ly-van-ban
to: national:vdxp
channel: vdxp
format: edxml
direction: bidirectional
status: planned
`;
  files['architecture/kpis/chi-tieu.yaml'] = `${HEADER(2)}# Chỉ tiêu gắn với chỉ tiêu quốc gia: xem "kientruc schema --list targets".
apiVersion: kientruc/v1
kind: Kpi
id: phan-loai-du-lieu
name: Tỷ lệ cơ sở dữ liệu đã hoàn thành phân loại
nationalTarget: target:phan-loai-du-lieu
unit: percent
owner: org:don-vi-cntt
area: data
target:
  value: 100
  deadline: ${year}
`;
  files['architecture/tasks/nhiem-vu.yaml'] = `${HEADER(2)}apiVersion: kientruc/v1
kind: Task
id: phan-loai-du-lieu
name: Rà soát, phân loại dữ liệu theo Luật Dữ liệu
area: data
lead: org:don-vi-cntt
deadline: ${year}
deliverable: Danh mục dữ liệu đã phân loại
status: in-progress
# Kinh phí theo năm và nguồn. amount tính bằng TRIỆU ĐỒNG: 50 là 50 triệu đồng (không ghi 50000000).
budget:
  - { year: ${year}, amount: 50, source: state-budget }
addresses: [kpi:phan-loai-du-lieu]
`;
  files['.github/workflows/kientruc.yml'] = githubWorkflow(input.version);
  files['.gitlab-ci.yml'] = gitlabCi(input.version);
  // kientruc.*: the settings of the kientruc language server client (editors/vscode, docs/lsp.md).
  files['.vscode/settings.json'] = `${JSON.stringify({ 'yaml.schemas': { './generated/schema/kientruc.schema.json': 'architecture/**/*.yaml' }, 'files.encoding': 'utf8', 'kientruc.root': 'architecture', 'kientruc.serverPath': 'node_modules/.bin/kientruc' }, null, 2)}\n`;
  files['.vscode/extensions.json'] = `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n`;
  files['.gitignore'] = 'node_modules/\n.npm/\n.kientruc-cache/\n.kientruc-tmp-*\n.kientruc-old-*\n*.sarif\n*-junit.xml\nkientruc-diff.md\n';
  files['package.json'] = `${JSON.stringify(
    {
      name: slugify(name) || 'kien-truc-so',
      private: true,
      scripts: { ...INIT_SCRIPTS },
      devDependencies: { kientruc: input.packageSpec ?? input.version },
    },
    null,
    2,
  )}\n`;
  files['README.md'] = `# Kiến trúc số — ${name}

Mô tả kiến trúc số và dữ liệu của ${name} dưới dạng YAML, kiểm tra bằng kientruc.

\`\`\`sh
npm install            # cài kientruc ${input.packageSpec ?? input.version} (commit cả package-lock.json)
npx kientruc check     # kiểm tra lược đồ, tham chiếu và quy tắc tuân thủ
npx kientruc build     # tạo báo cáo, sơ đồ, văn bản vào generated/
npx kientruc diff main # thay đổi so với nhánh main
\`\`\`

CI: \`.github/workflows/kientruc.yml\` (GitHub Actions) và \`.gitlab-ci.yml\` (GitLab CI) kiểm tra tuân thủ (SARIF cho
code scanning, JUnit), lưu Chiến lược dữ liệu và báo cáo khoảng cách làm artifact, và đăng kết quả \`kientruc diff\`
lên pull request / merge request. Để nâng phiên bản kientruc: sửa phiên bản trong package.json rồi \`npm install\`.

Nếu \`npm install\` báo không tìm thấy kientruc (registry của cơ quan chưa có gói, hoặc mạng nội bộ không tới được
registry): tạo tệp nén bằng \`npm pack\` trong một bản sao mã nguồn kientruc, chép vào \`vendor/\` của kho này, ghi
\`"kientruc": "file:vendor/kientruc-${input.version}.tgz"\` trong \`devDependencies\` của package.json rồi chạy lại
\`npm install\` (hoặc tạo kho bằng \`kientruc init --package file:vendor/kientruc-${input.version}.tgz\`). Một URL
git (\`git+https://…/kientruc.git#v${input.version}\`) cũng dùng được, nếu máy CI truy cập được máy chủ git đó.

Khởi tạo ngày ${viShortDate(today)}. Các tệp trong \`architecture/\` là ví dụ: thay bằng thông tin thật của cơ quan.
`;
  return files;
}
