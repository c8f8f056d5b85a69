/**
 * The CI workflows `kientruc init` writes. Every kientruc command they run comes from `CI_COMMANDS`, and
 * docs/ci.md shows the same lines (a test holds the three together).
 */

/**
 * Installs kientruc as package.json pins it — a registry version, a tarball (`file:vendor/kientruc-x.y.z.tgz`)
 * or a git URL (`github:org/kientruc#v0.1.0`), see docs/ci.md — and falls back to `npm install` until the
 * lockfile is committed. No browser is ever downloaded (PUPPETEER_SKIP_DOWNLOAD): Debian's Chromium is used.
 */
export const CI_INSTALL = 'if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi';

/** Node line the workflows run on: the current LTS, the one kientruc is tested on first. */
export const CI_NODE = '24';
/** Debian image for jobs that render (Chromium and the fonts come from Debian's archive, not from a download). */
export const CI_IMAGE = `node:${CI_NODE}-bookworm`;
/** Chromium and fonts covering Vietnamese with Times New Roman metrics (the same list as .ci/system-deps). */
export const CI_APT =
  'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation2 fonts-croscore fonts-noto-core fontconfig';

/** Marker the diff comment starts with (see `COMMENT_MARKER` in src/diff/format.ts), to update it in place. */
const MARKER = '<!-- kientruc-diff -->';

export const CI_COMMANDS = {
  sarif: 'npx kientruc check architecture --format sarif --output kientruc.sarif --fail-on none',
  // The test report fails exactly the findings that fail the job (`--fail-on error`, as `check` below);
  // exit 1 (findings) lets the job go on to write the annotations and the log, exit 2 still stops it.
  junit: 'npx kientruc check architecture --format junit --output kientruc-junit.xml || [ $? -eq 1 ]',
  annotations: 'npx kientruc check architecture --format github',
  version: 'npx kientruc --version',
  check: 'npx kientruc check architecture',
  build: 'npx kientruc build architecture --out generated',
  diff: (base: string) => `npx kientruc diff "${base}" HEAD --format md --output kientruc-diff.md`,
} as const;

/** The base commit each CI system gives a pull/merge request, as a shell variable. */
export const CI_DIFF_BASE = { github: '$BASE_SHA', gitlab: '$CI_MERGE_REQUEST_DIFF_BASE_SHA' } as const;

export function githubWorkflow(version: string): string {
  return `# Kiểm tra kiến trúc số trên mỗi lần đẩy mã và pull request — kientruc ${version}, phiên bản ghim trong package.json.
# Tạo bởi "kientruc init". Chỉ dùng mạng tới kho gói npm, kho gói Debian và các action của GitHub.
# kientruc lấy từ kho npm, tệp .tgz hoặc URL git: xem docs/ci.md của kientruc.
name: kientruc
env:
  PUPPETEER_SKIP_DOWNLOAD: "1"
  NO_COLOR: "1"
on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:
permissions:
  contents: read
concurrency:
  group: kientruc-\${{ github.ref }}
  cancel-in-progress: true
jobs:
  check:
    name: Kiểm tra tuân thủ
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: ${CI_NODE}
      - name: Cài kientruc ${version}
        run: ${CI_INSTALL}
      - name: Phiên bản kientruc
        run: ${CI_COMMANDS.version}
      - name: Báo cáo SARIF (code scanning)
        run: ${CI_COMMANDS.sarif}
      - name: Báo cáo JUnit
        if: always()
        run: ${CI_COMMANDS.junit}
      - name: Tải SARIF lên code scanning
        if: always()
        continue-on-error: true
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: kientruc.sarif
          category: kientruc
      - name: Lưu báo cáo kiểm tra
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: kientruc-check
          path: |
            kientruc.sarif
            kientruc-junit.xml
      - name: Kiểm tra tuân thủ (chú thích trên pull request)
        run: ${CI_COMMANDS.annotations}
  build:
    name: Tạo văn bản, báo cáo, sơ đồ
    runs-on: ubuntu-latest
    # Debian: Chromium và phông chữ tiếng Việt cài từ kho gói Debian để vẽ sơ đồ và in PDF.
    container: ${CI_IMAGE}
    steps:
      - uses: actions/checkout@v4
      - name: Cài Chromium và phông chữ
        run: ${CI_APT}
      - name: Cài kientruc ${version}
        run: ${CI_INSTALL}
      - name: Phiên bản kientruc
        run: ${CI_COMMANDS.version}
      # Sơ đồ đã vẽ được giữ lại giữa các lần chạy (theo nội dung), chỉ sơ đồ thay đổi mới vẽ lại.
      - name: Bộ nhớ đệm sơ đồ
        uses: actions/cache@v4
        with:
          path: .kientruc-cache/
          key: kientruc-\${{ hashFiles('package-lock.json', 'package.json') }}-\${{ github.sha }}
          restore-keys: |
            kientruc-\${{ hashFiles('package-lock.json', 'package.json') }}-
      - name: Tạo Chiến lược dữ liệu, báo cáo khoảng cách, sơ đồ và trang danh mục
        run: ${CI_COMMANDS.build}
      - name: Lưu đầu ra
        uses: actions/upload-artifact@v4
        with:
          name: kientruc-generated
          path: generated/
  diff:
    name: Thay đổi kiến trúc trong pull request
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: ${CI_NODE}
      - name: Cài kientruc ${version}
        run: ${CI_INSTALL}
      - name: Phiên bản kientruc
        run: ${CI_COMMANDS.version}
      - name: So sánh với nhánh đích
        env:
          BASE_SHA: \${{ github.event.pull_request.base.sha }}
        run: |
          ${CI_COMMANDS.diff(CI_DIFF_BASE.github)}
          cat kientruc-diff.md >> "$GITHUB_STEP_SUMMARY"
      - name: Lưu kết quả so sánh
        uses: actions/upload-artifact@v4
        with:
          name: kientruc-diff
          path: kientruc-diff.md
      # Pull request từ kho fork chỉ có quyền đọc: kết quả vẫn nằm trong phần tóm tắt của lần chạy.
      - name: Bình luận trên pull request
        if: github.event.pull_request.head.repo.full_name == github.repository
        uses: actions/github-script@v7
        with:
          script: |
            const fs = require('fs');
            const body = fs.readFileSync('kientruc-diff.md', 'utf8');
            const { owner, repo } = context.repo;
            const issue_number = context.issue.number;
            const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number });
            const previous = comments.find((c) => (c.body || '').startsWith('${MARKER}'));
            if (previous) await github.rest.issues.updateComment({ owner, repo, comment_id: previous.id, body });
            else await github.rest.issues.createComment({ owner, repo, issue_number, body });
`;
}

/** Posts or updates the diff note on the merge request; needs a token with the `api` scope. */
const GITLAB_NOTE_SCRIPT = [
  'const fs = require("fs");',
  'const body = fs.readFileSync("kientruc-diff.md", "utf8");',
  'const url = `${process.env.CI_API_V4_URL}/projects/${process.env.CI_PROJECT_ID}/merge_requests/${process.env.CI_MERGE_REQUEST_IID}/notes`;',
  'const headers = { "PRIVATE-TOKEN": process.env.KIENTRUC_GITLAB_TOKEN, "Content-Type": "application/json" };',
  '(async () => {',
  '  const notes = await (await fetch(`${url}?per_page=100&sort=desc`, { headers })).json();',
  `  const previous = Array.isArray(notes) ? notes.find((n) => String(n.body).startsWith("${MARKER}")) : undefined;`,
  '  const res = await fetch(previous ? `${url}/${previous.id}` : url, { method: previous ? "PUT" : "POST", headers, body: JSON.stringify({ body }) });',
  '  if (!res.ok) { console.error(`GitLab API: ${res.status} ${await res.text()}`); process.exitCode = 1; }',
  '})();',
];

export function gitlabCi(version: string): string {
  const script = GITLAB_NOTE_SCRIPT.map((l) => `          ${l}`).join('\n');
  return `# Kiểm tra kiến trúc số — kientruc ${version}, phiên bản ghim trong package.json. Tạo bởi "kientruc init".
# Chỉ dùng mạng tới kho gói npm và kho gói Debian (Chromium, phông chữ cho việc in PDF).
# kientruc lấy từ kho npm, tệp .tgz hoặc URL git: xem docs/ci.md của kientruc.
# Bình luận kết quả so sánh trên merge request: thêm biến CI/CD ẩn KIENTRUC_GITLAB_TOKEN (token có quyền api);
# không có biến này, kết quả vẫn có trong nhật ký công việc và tệp kientruc-diff.md hiện trên merge request.
stages:
  - test
  - build
  - review

workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
    - if: $CI_PIPELINE_SOURCE == "web"

default:
  image: ${CI_IMAGE}
  before_script:
    - ${CI_INSTALL}
    - ${CI_COMMANDS.version}

variables:
  npm_config_cache: "$CI_PROJECT_DIR/.npm"
  PUPPETEER_SKIP_DOWNLOAD: "1"
  NO_COLOR: "1"

# Gói npm và sơ đồ đã vẽ (theo nội dung) được giữ lại giữa các lần chạy.
cache:
  key: kientruc
  paths:
    - .npm/
    - .kientruc-cache/

kientruc-check:
  stage: test
  script:
    - ${CI_COMMANDS.sarif}
    - ${CI_COMMANDS.junit}
    - ${CI_COMMANDS.check}
  artifacts:
    when: always
    paths:
      - kientruc.sarif
      - kientruc-junit.xml
    reports:
      junit: kientruc-junit.xml

kientruc-build:
  stage: build
  script:
    - ${CI_APT}
    - ${CI_COMMANDS.build}
  artifacts:
    name: kientruc-generated
    paths:
      - generated/

kientruc-diff:
  stage: review
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  needs: []
  variables:
    GIT_DEPTH: "0"
  script:
    - ${CI_COMMANDS.diff(CI_DIFF_BASE.gitlab)}
    - cat kientruc-diff.md
    - |
      if [ -n "$KIENTRUC_GITLAB_TOKEN" ]; then
        node -e '
${script}
        '
      fi
  artifacts:
    expose_as: kientruc diff
    paths:
      - kientruc-diff.md
`;
}
