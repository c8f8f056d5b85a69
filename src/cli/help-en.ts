import type { EventEmitter } from 'node:events';
import type { Command } from 'commander';

/**
 * English help (`--lang en`): the Vietnamese descriptions each command registers, and its help epilogue,
 * in English. Kept in one catalogue so the commands read as they did; a text missing here stays
 * Vietnamese (tests/cli/help-lang.test.ts fails on that for every command it knows).
 */
const TEXT_EN: Readonly<Record<string, string>> = {
  'Kiến trúc số dạng mã cho cơ quan nhà nước: kiểm tra YAML theo Khung kiến trúc tổng thể quốc gia số (QĐ 3090), Khung kiến trúc dữ liệu quốc gia (QĐ 2439) và Luật Dữ liệu; tạo báo cáo, sơ đồ và Chiến lược dữ liệu.':
    'Digital architecture as code for Vietnamese government agencies: checks YAML against the National overall digital architecture framework (QĐ 3090), the National data architecture framework (QĐ 2439) and the Data Law; produces reports, diagrams and the Data strategy.',
  'in phiên bản': 'print the version (kientruc, framework pack, Node)',
  'ngôn ngữ thông báo': 'language of messages and help',
  'không in tiến trình ra stderr': 'do not print progress on stderr',
  'in thêm chi tiết (thời gian, số tệp) và vết lỗi nội bộ': 'print more detail (timings, file counts) and internal stack traces',
  'không tô màu': 'no colours',
  'hướng dẫn sử dụng': 'show help',
  'Đọc mọi tệp YAML trong thư mục kiến trúc, kiểm tra cú pháp, lược đồ JSON (QĐ 3090, QĐ 2439, Luật Dữ liệu) và tham chiếu giữa các tệp. Mỗi lỗi nêu tệp:dòng:cột, thực thể và cách sửa.':
    'Reads every YAML file in the architecture folder and checks syntax, the JSON Schema (QĐ 3090, QĐ 2439, Data Law) and references between files. Each error gives file:line:col, the entity and a fix.',
  'kiểm tra cú pháp, lược đồ và tham chiếu / validate YAML, schema and references': 'validate YAML, schema and references',
  'thư mục kiến trúc': 'architecture folder',
  'không dùng daemon đang chạy cho thư mục này (xem kientruc daemon)': 'do not use a daemon running for this folder (see kientruc daemon)',
  'giữ bộ kiểm tra trong bộ nhớ để check chạy lại nhanh / keep the checker in memory': 'keep the checker in memory so check re-runs fast',
  'Tiến trình nền cho một thư mục kiến trúc, giữ kết quả đọc, kiểm tra lược đồ và quy tắc trong bộ nhớ: khi daemon đang chạy, kientruc check và kientruc validate trong thư mục đó tự dùng nó (kết quả, mã thoát giống hệt) và chỉ xử lý lại các tệp đã đổi. Không dùng khi có biến môi trường CI hoặc với --no-daemon. Xem docs/daemon.md.':
    'A background process for one architecture folder that keeps parsing, schema and rule results in memory: while it runs, kientruc check and kientruc validate on that folder use it by themselves (identical output and exit code) and process again only the files that changed. Not used when the CI environment variable is set, nor with --no-daemon. See docs/daemon.md.',
  'start | stop | status | restart | run (chạy ở tiền cảnh, nhật ký cả trên terminal)': 'start | stop | status | restart | run (in the foreground, log lines on the terminal too)',
  'tự dừng sau chừng ấy phút không có yêu cầu': 'stop after this many minutes without a request',
  'ngày chốt số liệu YYYY-MM-DD (mặc định: asOf trong agency.yaml, hoặc hôm nay)': 'data cut-off date YYYY-MM-DD (default: asOf in agency.yaml, or today)',
  'ngày chốt số liệu YYYY-MM-DD, cũng là ngày của hiện trạng (mặc định: asOf trong agency.yaml, hoặc hôm nay)': 'data cut-off date YYYY-MM-DD, also the date of the current state (default: asOf in agency.yaml, or today)',
  'trạng thái kiến trúc: current (hiện trạng tại ngày chốt số liệu, mặc định), target:YYYY (kiến trúc mục tiêu, 31/12 năm đó), YYYY hoặc YYYY-MM-DD':
    'state of the architecture: current (the state at the data cut-off date, default), target:YYYY (the target architecture, 31 December of that year), YYYY or YYYY-MM-DD',
  'bỏ qua tệp YAML lớn hơn giới hạn này': 'skip YAML files larger than this',
  'thư mục bộ nhớ đệm theo nội dung (mặc định .kientruc-cache, hoặc biến môi trường KIENTRUC_CACHE_DIR)':
    'content-addressed cache folder (default .kientruc-cache, or the KIENTRUC_CACHE_DIR environment variable)',
  'không đọc, không ghi bộ nhớ đệm': 'neither read nor write the cache',
  'định dạng kết quả': 'output format',
  'ghi kết quả vào tệp thay vì stdout': 'write the result to a file instead of stdout',
  'mức nghiêm trọng thấp nhất làm lệnh trả mã thoát 1': 'lowest severity that makes the command exit 1',
  'Như validate, rồi chạy các quy tắc tuân thủ; mỗi phát hiện nêu căn cứ pháp lý. Dùng trong CI với --format sarif|junit|github.':
    'Like validate, then runs the conformance rules; each finding cites its legal basis. In CI use --format sarif|junit|github.',
  'kiểm tra tuân thủ khung kiến trúc / validate and check conformance rules': 'validate and check conformance rules',
  'tệp cấu hình quy tắc và miễn trừ (mặc định: kientruc.config.yaml cạnh thư mục kiến trúc, rồi trong thư mục đó)':
    'rule and waiver configuration (default: kientruc.config.yaml next to the architecture folder, then inside it)',
  'Đánh giá khoảng cách giữa kiến trúc của cơ quan và các khung, chỉ tiêu quốc gia: từng chỉ tiêu quốc gia (mục tiêu, giá trị cơ sở, số đo gần nhất, dự báo tại thời hạn, trạng thái), mức độ bao phủ tính từ mô hình, bảng đánh giá theo lớp QĐ 3090 và lớp dữ liệu QĐ 2439, phát hiện theo quy tắc kèm căn cứ, tồn tại chưa có nhiệm vụ và danh mục việc cần làm. Ghi gap-report.md, .html, .json vào --out.':
    'Gap assessment between the agency’s architecture and the national frameworks and targets: each national target (goal, baseline, latest measurement, forecast at the deadline, status), coverage computed from the model, scorecards by QĐ 3090 layer and QĐ 2439 data layer, rule findings with their legal basis, gaps no task addresses, and a to-do list. Writes gap-report.md, .html, .json into --out.',
  'báo cáo đánh giá khoảng cách so với khung quốc gia / gap report': 'gap report against the national frameworks',
  'định dạng, cách nhau bằng dấu phẩy: md, html, pdf, docx, json (pdf cần trình duyệt Chromium)':
    'formats, comma-separated: md, html, pdf, docx, json (pdf needs a Chromium browser)',
  'thư mục đầu ra (các tệp khác trong thư mục được giữ nguyên)': 'output folder (other files in it are left untouched)',
  'Báo cáo định kỳ theo yêu cầu thiết lập cơ chế báo cáo về số lượng kết nối thành công (với CSDL quốc gia, CSDL chuyên ngành, Cổng Dịch vụ công quốc gia, Trung tâm dữ liệu quốc gia), chất lượng dữ liệu (đúng - đủ - sạch - sống), tỉ lệ đáp ứng yêu cầu chia sẻ dữ liệu và tiến độ nhiệm vụ trong kỳ. Văn bản trình bày theo thể thức Báo cáo của NĐ 30/2020/NĐ-CP (như kientruc doc --kind bao-cao); ghi bao-cao-dinh-ky-<kỳ>.md, .html, .pdf, .docx và số liệu .json vào --out.':
    'Periodic report as the reporting mechanism requires: successful connections (national databases, sector databases, the National Public Service Portal, the National Data Centre), data quality (correct, complete, clean, live), the share of data-sharing requests met, and task progress in the period. The document follows the Report layout of NĐ 30/2020/NĐ-CP (as kientruc doc --kind bao-cao does); writes bao-cao-dinh-ky-<period>.md, .html, .pdf, .docx and the figures as .json into --out.',
  'báo cáo định kỳ: kết nối, chất lượng dữ liệu, chia sẻ, nhiệm vụ / periodic report': 'periodic report: connections, data quality, sharing, tasks',
  'kỳ báo cáo: 2025 (năm), 2025-H1 (sáu tháng), 2025-Q4 (quý), 2025-03 (tháng); mặc định: kỳ gần nhất đã kết thúc theo governance.reportingPeriod':
    'reporting period: 2025 (year), 2025-H1 (half), 2025-Q4 (quarter), 2025-03 (month); default: the latest finished period of governance.reportingPeriod',
  'Công việc chính: kiểm tra kiến trúc rồi tạo mọi đầu ra (lược đồ, mô hình, tổng quan và các báo cáo, sơ đồ, văn bản đã cài đặt) vào thư mục --out. Đầu ra được ghi vào thư mục tạm rồi mới thay thế, nên một lần chạy lỗi hoặc bị ngắt không làm hỏng đầu ra cũ.':
    'The main job: checks the architecture, then writes every output (schemas, model, summary and reports, diagrams, configured documents) into --out. Outputs are staged in a temporary folder and swapped in, so a failed or interrupted run never damages the previous outputs.',
  'tạo toàn bộ đầu ra vào generated/ / build every output': 'build every output into generated/',
  'thư mục đầu ra': 'output folder',
  'không ghi gì; báo lỗi (mã thoát 1) nếu --out khác với kết quả tạo lại (dùng trong CI)': 'write nothing; exit 1 if --out differs from a fresh build (for CI)',
  'không dùng trình duyệt: bỏ qua SVG, PNG, PDF; vẫn tạo Mermaid, Markdown, HTML': 'no browser: skip SVG, PNG, PDF; still write Mermaid, Markdown, HTML',
  'theo dõi thư mục kiến trúc và tạo lại đầu ra mỗi khi tệp YAML thay đổi (Ctrl-C để dừng)': 'watch the architecture folder and rebuild whenever a YAML file changes (Ctrl-C to stop)',
  'trả mã thoát 1 khi có phát hiện từ mức này': 'exit 1 when there are findings at this severity or above',
  'Vẽ từ mô hình kiến trúc: kiến trúc nghiệp vụ (dịch vụ công theo cơ quan, lĩnh vực và hệ thống giải quyết), bức tranh tổng thể theo lớp QĐ 3090, sơ đồ kết nối (LGSP, NDXP, NDOP, CSDL quốc gia), kiến trúc dữ liệu theo QĐ 2439 và đồng bộ về CSDL tổng hợp quốc gia, an toàn thông tin theo cấp độ, lộ trình nhiệm vụ (Gantt), biểu đồ chỉ tiêu và sơ đồ ngữ cảnh từng hệ thống. Ghi mã nguồn Mermaid (.mmd), bản vẽ SVG, PNG và README.md có mã nguồn từng sơ đồ. Dùng một trình duyệt Chromium cho cả lần chạy; sơ đồ không đổi được lấy lại từ bộ nhớ đệm .kientruc-cache/.':
    'Draws from the architecture model: the business view (public services by body, field and handling system), the landscape by QĐ 3090 layer, integration maps (LGSP, NDXP, NDOP, national databases), the QĐ 2439 data architecture and synchronisation to the national aggregate database, security levels, the task roadmap (Gantt), KPI charts and one context diagram per system. Writes Mermaid sources (.mmd), SVG and PNG drawings and a README.md with each source. One Chromium serves the whole run; unchanged diagrams come from the .kientruc-cache/ cache.',
  'vẽ sơ đồ kiến trúc (Mermaid, SVG, PNG) / draw the architecture diagrams': 'draw the architecture diagrams (Mermaid, SVG, PNG)',
  'thư mục đầu ra (được thay thế toàn bộ)': 'output folder (replaced as a whole)',
  'định dạng, cách nhau bởi dấu phẩy: svg, png, mmd': 'formats, comma-separated: svg, png, mmd',
  'không dùng trình duyệt: chỉ tạo mã nguồn Mermaid (.mmd) và README.md': 'no browser: only Mermaid sources (.mmd) and README.md',
  'sơ đồ có nhiều nút hơn được tách (theo lớp, thành phần, cơ quan)': 'diagrams with more nodes are split (by layer, component, agency)',
  'Tạo dự thảo văn bản hành chính từ mô hình kiến trúc, trình bày theo NĐ 30/2020/NĐ-CP (khổ A4, lề, phông Times New Roman, số trang, thể thức, nơi nhận, chữ ký, phụ lục). Loại văn bản (--kind, mặc định document.kind trong agency.yaml): chien-luoc — Quyết định phê duyệt Chiến lược dữ liệu; ke-hoach — Kế hoạch (KH) hoặc Quyết định ban hành Kế hoạch (document.form: decision); bao-cao — Báo cáo định kỳ về kết nối, chất lượng dữ liệu, chia sẻ dữ liệu, tiến độ nhiệm vụ; kien-truc — Quyết định phê duyệt Khung kiến trúc số (hiện trạng, kiến trúc mục tiêu, khoảng cách, lộ trình). Bản công khai (--audience public) lược bỏ thông tin không công bố rộng rãi.':
    'Drafts an official document from the architecture model, laid out as NĐ 30/2020/NĐ-CP requires (A4, margins, Times New Roman, page numbers, heading, recipients, signature, appendices). Document kind (--kind, default document.kind in agency.yaml): chien-luoc — the Decision approving the Data strategy; ke-hoach — the Plan (KH) or the Decision issuing the Plan (document.form: decision); bao-cao — the periodic Report on connections, data quality, data sharing and task progress; kien-truc — the Decision approving the digital architecture (current state, target architecture, gaps, roadmap). The public edition (--audience public) leaves out what is not for wide publication.',
  'tạo văn bản: Chiến lược dữ liệu, Kế hoạch, Báo cáo định kỳ, Khung kiến trúc số (md, html, pdf, docx) / generate official documents':
    'generate official documents: Data strategy, Plan, periodic Report, digital architecture (md, html, pdf, docx)',
  'định dạng, ngăn cách bằng dấu phẩy: md, html, pdf, docx': 'formats, comma-separated: md, html, pdf, docx',
  'bản nội bộ hoặc bản công khai': 'internal or public edition',
  'không dùng trình duyệt: không tạo được PDF (và DOCX của Chiến lược, Khung kiến trúc số, vì có sơ đồ); HTML không kèm sơ đồ':
    'no browser: no PDF (nor the Data strategy or digital architecture DOCX, which have diagrams); HTML without diagrams',
  'So sánh kiến trúc giữa hai phía — mỗi phía là một tham chiếu git (nhánh, thẻ, commit) hoặc một thư mục; mặc định phía mới là thư mục làm việc. Liệt kê thay đổi phá vỡ trước (xóa thực thể đang được tham chiếu, hạ cấp độ an toàn, thu hẹp chia sẻ dữ liệu, ngừng đồng bộ về CSDL tổng hợp quốc gia, lùi thời hạn quá chỉ tiêu quốc gia), rồi thực thể thêm, xóa, sửa từng trường, biến động chỉ tiêu, phát hiện mới và đã khắc phục. Markdown dùng làm bình luận pull request.':
    'Compares the architecture on two sides — each a git reference (branch, tag, commit) or a folder; the new side defaults to the working folder. Lists breaking changes first (removing a referenced entity, lowering a security level, narrowing data sharing, stopping synchronisation to the national aggregate database, moving a deadline past a national target), then entities added, removed and changed field by field, KPI movements, new and fixed findings. The Markdown serves as a pull-request comment.',
  'so sánh hai phiên bản kiến trúc / compare two versions of the architecture': 'compare two versions of the architecture',
  'phía gốc: tham chiếu git hoặc thư mục; với --from/--to: thư mục kiến trúc (mặc định architecture)': 'base side: git reference or folder; with --from/--to: the architecture folder (default architecture)',
  'so sánh hai trạng thái của cùng một kiến trúc — trạng thái gốc: current, target:YYYY, YYYY hoặc YYYY-MM-DD (mặc định current)':
    'compare two states of one architecture — the base state: current, target:YYYY, YYYY or YYYY-MM-DD (default current)',
  'trạng thái đích khi so sánh hai trạng thái (mặc định current)': 'the state compared with, when comparing two states (default current)',
  'phía mới: tham chiếu git hoặc thư mục (mặc định: thư mục làm việc)': 'new side: git reference or folder (default: the working folder)',
  'thư mục kiến trúc trong kho git (dùng cho phía là tham chiếu git và cho thư mục làm việc)': 'architecture folder inside the git repository (for git-reference sides and the working folder)',
  'thư mục kiến trúc của phía gốc khi khác phía mới (mặc định: --dir, hoặc thư mục git ghi nhận đã đổi tên)':
    "the base side's architecture folder when it differs from the head side's (default: --dir, or the folder git records as renamed)",
  'thư mục kiến trúc của phía mới khi khác phía gốc (mặc định: --dir, hoặc thư mục git ghi nhận đã đổi tên)':
    "the head side's architecture folder when it differs from the base side's (default: --dir, or the folder git records as renamed)",
  'trả mã thoát 1 khi có thay đổi phá vỡ': 'exit 1 when there is a breaking change',
  'Tổng hợp thư mục kiến trúc của nhiều cơ quan (tỉnh và các sở, xã; bộ và các đơn vị) thành một góc nhìn: mã thực thể có hậu tố mã định danh cơ quan (QCVN 102), tham chiếu "system:x@<mã>" được giải quyết giữa các cơ quan; báo xung đột kèm tệp và dòng (CSDL quốc gia có hai nguồn, hai cơ quan cùng khai báo một hệ thống, kết nối tới hệ thống không tồn tại, trùng hoặc thiếu mã định danh); tổng hợp chỉ tiêu theo chỉ tiêu quốc gia có trọng số; tạo báo cáo, phụ lục tổng hợp vào --out. Xung đột được in ra stdout theo --format.':
    'Merges the architecture folders of many agencies (a province and its departments and communes; a ministry and its units) into one view: entity ids get the agency-code suffix (QCVN 102), references "system:x@<code>" resolve across agencies; conflicts are reported with file and line (a national database with two sources, two agencies declaring one system, an integration to a missing system, duplicate or missing agency codes); KPIs are rolled up per national target with weights; the aggregate reports and appendix go into --out. Conflicts are printed on stdout in --format.',
  'tổng hợp kiến trúc nhiều cơ quan / merge many agencies into one view': 'merge many agencies into one view',
  'các thư mục kiến trúc (mỗi thư mục một cơ quan)': 'architecture folders (one per agency)',
  'thư mục đầu ra của góc nhìn tổng hợp': 'output folder of the merged view',
  'mã định danh của cơ quan tổng hợp (mặc định: cơ quan cấp cao nhất)': 'agency code of the aggregating agency (default: the highest-level agency)',
  'trọng số khi tổng hợp chỉ tiêu (thiếu thì lùi về dân số, rồi bằng nhau)': 'weights for rolling up KPIs (falls back to population, then equal)',
  'không dùng trình duyệt: sơ đồ kết nối giữa cơ quan chỉ có mã Mermaid': 'no browser: the inter-agency diagram is Mermaid source only',
  'Tạo trang HTML tĩnh, tự chứa (index.html và sơ đồ SVG trong diagrams/ bên cạnh, chỉ tải khi cần; không tải gì từ bên ngoài, mở được bằng file:// hoặc trên máy chủ web tĩnh bất kỳ): danh mục hệ thống, dữ liệu, kết nối, chỉ tiêu, nhiệm vụ, phát hiện và sơ đồ, có ô tìm kiếm (không cần dấu, tìm trong mọi trường hiển thị) và bộ lọc. "kientruc build" cũng tạo trang này vào generated/site/.':
    'Writes a static, self-contained HTML catalogue (index.html, with the diagrams as SVG files in diagrams/ beside it, loaded only when seen; loads nothing from outside, opens from file:// or any static web server): systems, datasets, integrations, KPIs, tasks, findings and diagrams, with search over every displayed field (diacritics optional) and filters. "kientruc build" also writes it into generated/site/.',
  'trang danh mục kiến trúc tĩnh / static browsable catalogue': 'static browsable catalogue',
  'không dùng trình duyệt: sơ đồ hiện dưới dạng mã Mermaid': 'no browser: diagrams shown as Mermaid source',
  'Xuất lược đồ JSON (draft 2020-12) của định dạng YAML, có tiêu đề và mô tả tiếng Việt, tiếng Anh cho từng trường, để VS Code (YAML extension) gợi ý và báo lỗi. Với --list, in danh mục của bộ khung (hệ thống quốc gia, chỉ tiêu quốc gia, enum, văn bản pháp lý, đơn vị đo, mã lỗi).':
    'Exports the JSON Schema (draft 2020-12) of the YAML format, with Vietnamese and English titles and descriptions on every field, so VS Code (YAML extension) completes and flags errors. With --list, prints a catalogue of the framework pack (national systems, national targets, enums, legal documents, units of measure, diagnostic codes).',
  'xuất lược đồ JSON, tra cứu danh mục của bộ khung / export the JSON Schema, list framework data': 'export the JSON Schema, list framework data',
  'ghi kientruc.schema.json vào thư mục này (mặc định in ra stdout)': 'write kientruc.schema.json into this folder (default: print on stdout)',
  'in một danh mục của bộ khung': 'print one catalogue of the framework pack',
  'bộ khung': 'framework pack',
  'Tạo một kho kiến trúc mới, hoặc thêm vào dự án đã có: agency.yaml, một ví dụ cho mỗi loại thực thể, quy trình CI cho GitHub Actions và GitLab CI, cấu hình VS Code và .gitignore. Kho mới kiểm tra đạt ngay. Không ghi đè tệp đã có (trừ khi có --force); package.json đã có được thêm các script của kientruc.':
    'Creates an architecture repository, or adds one to an existing project: agency.yaml, one example of each entity kind, CI workflows for GitHub Actions and GitLab CI, VS Code settings and .gitignore. The new repository passes check at once. Existing files are never overwritten (without --force); an existing package.json gets the kientruc scripts merged in.',
  'tạo kho kiến trúc mẫu / scaffold a starter repository': 'scaffold a starter repository',
  'thư mục đích': 'target folder',
  'tên cơ quan, ví dụ "Sở Y tế tỉnh Sơn Hà"': 'agency name, e.g. "Sở Y tế tỉnh Sơn Hà"',
  'cấp cơ quan': 'agency level',
  'mã định danh kebab-case (mặc định: từ tên)': 'kebab-case id (default: from the name)',
  'mã định danh cơ quan theo QCVN 102, ví dụ 000.00.31.H99 (không có: ghi "chưa xác định", kientruc check cảnh báo cho tới khi điền)':
    'agency code under QCVN 102, e.g. 000.00.31.H99 (without it: a "not yet determined" placeholder is written, and kientruc check warns until it is filled in)',
  'ghi đè tệp đã có (mặc định: không bao giờ ghi đè)': 'overwrite existing files (default: never overwrite)',
  'nguồn cài kientruc ghi vào package.json: phiên bản trên npm registry (mặc định: phiên bản đang chạy), tệp nén "file:vendor/kientruc-x.y.z.tgz" hoặc URL git':
    'where package.json installs kientruc from: a version on the npm registry (default: the running version), a tarball "file:vendor/kientruc-x.y.z.tgz" or a git URL',
  'in tập lệnh gợi ý lệnh cho bash, zsh / print a shell completion script': 'print a shell completion script (bash, zsh)',
  'In tập lệnh gợi ý lệnh (tab completion) cho bash hoặc zsh: tên lệnh, tùy chọn và giá trị được phép của từng tùy chọn.':
    'Prints a tab-completion script for bash or zsh: command names, options and the values each option allows.',
  'trình thông dịch lệnh': 'shell',
  'thư mục đầu ra (các tệp khác của kientruc trong thư mục được giữ nguyên)': 'output folder (kientruc’s other files in it are left untouched)',
  'ghi vào thư mục đã có tệp không do kientruc tạo: ghi bên cạnh, không xóa hay ghi đè tệp nào của bạn (xem docs/outputs.md)':
    'write into a folder holding files kientruc did not write: beside them, never deleting or overwriting any of yours (see docs/outputs.md)',
  'thư mục đầu ra (các tệp kientruc đã ghi trước đó được thay thế)': 'output folder (files kientruc wrote there before are replaced)',
  'ghi vào thư mục đã có tệp không do kientruc tạo (không xóa hay ghi đè tệp nào của bạn)':
    'write into a folder holding files kientruc did not write (never deleting or overwriting any of yours)',
  'loại văn bản: chien-luoc, ke-hoach, bao-cao, kien-truc (mặc định: document.kind trong agency.yaml, hoặc chien-luoc)':
    'document kind: chien-luoc, ke-hoach, bao-cao, kien-truc (default: document.kind in agency.yaml, or chien-luoc)',
  'bao-cao: kỳ báo cáo 2026, 2026-H1, 2026-Q3, 2026-09 (mặc định: report.period, hoặc kỳ gần nhất đã kết thúc)':
    'bao-cao: reporting period 2026, 2026-H1, 2026-Q3, 2026-09 (default: report.period, or the latest finished period)',
  'Đọc bảng tính danh mục hệ thống thông tin, CSDL, kết nối, cơ quan, nhiệm vụ (XLSX, CSV hoặc "Unicode Text" .txt/.tsv) và ghi thành tệp YAML trong thư mục kiến trúc. Tiêu đề cột tiếng Việt được nhận theo ánh xạ (mặc định, hoặc --map); ô không đọc được báo theo tệp:sheet!ô kèm cách sửa. Nhập lại cùng bảng tính là hợp nhất ba chiều: giữ các sửa đổi bằng tay trong YAML, lấy giá trị bảng tính đã đổi, báo xung đột; thay đổi chỉ được ghi với --update. Xem docs/import-export.md.':
    'Reads an inventory spreadsheet of information systems, databases, integrations, organisations and tasks (XLSX, CSV or "Unicode Text" .txt/.tsv) and writes it as YAML files in the architecture folder. Vietnamese column headings are recognised through a mapping (the default one, or --map); a cell that cannot be read is reported as file:sheet!cell with a fix. Importing the same spreadsheet again is a three-way merge: hand edits in the YAML are kept, values the spreadsheet changed are taken, conflicts are reported; changes are written only with --update. See docs/import-export.md.',
  'nhập danh mục từ Excel/CSV thành YAML / import an inventory from XLSX or CSV': 'import an inventory from XLSX or CSV into YAML',
  'tệp .xlsx, .csv, .tsv hoặc .txt (Unicode Text của Excel)': '.xlsx, .csv, .tsv or .txt (Excel\'s Unicode Text) file',
  'thư mục kiến trúc nhận các tệp YAML': 'architecture folder that receives the YAML files',
  'tệp ánh xạ YAML: tên sheet, tiêu đề cột, cách viết giá trị (xem docs/import-export.md)':
    'YAML mapping file: sheet names, column headings, value spellings (see docs/import-export.md)',
  'ghi các thay đổi vào tệp do lần nhập trước tạo (sau khi xem khác biệt)': 'write the changes into files an earlier import made (after reviewing the diff)',
  'khi bảng tính và YAML cùng sửa một trường: lấy giá trị của bảng tính (mặc định giữ YAML)': "when the spreadsheet and the YAML both changed a field: take the spreadsheet's value (default: keep the YAML's)",
  'thực thể không còn trong bảng tính mà YAML khác còn tham chiếu: giữ lại, đánh dấu status: retired nếu có (mặc định: từ chối ghi)':
    'entities no longer in the spreadsheet that other YAML still refers to: keep them, marked status: retired where possible (default: refuse to write)',
  'nhập cả sheet bị ẩn (mặc định bỏ qua, có cảnh báo)': 'import hidden sheets too (skipped with a warning by default)',
  'chỉ báo cáo và hiện khác biệt, không ghi tệp nào': 'only report and show the diff; write no file',
  'Xuất mô hình kiến trúc sang định dạng mà công cụ khác đọc được:\n  archimate  ArchiMate 3.1 Open Exchange Format (XML, mở bằng Archi)\n  dcat       Danh mục dữ liệu DCAT-AP 3 (Turtle, JSON-LD)\n  xlsx       Bảng tính Excel (hệ thống, CSDL, kết nối, đơn vị, nhiệm vụ)\nBản công khai (--audience public) lược bỏ những gì bản công khai của Chiến lược dữ liệu không công bố: cấp độ an toàn, hạ tầng, địa chỉ, sơ đồ kết nối, dữ liệu dùng riêng và bí mật nhà nước, mô tả và ghi chú nội bộ.\nMặc định: archimate là bản nội bộ, dcat là bản công khai.':
    'Exports the architecture model to formats other tools read:\n  archimate  ArchiMate 3.1 Open Exchange Format (XML, opens in Archi)\n  dcat       DCAT-AP 3 data catalogue (Turtle, JSON-LD)\n  xlsx       Excel workbook (systems, datasets, integrations, organisations, tasks)\nThe public edition (--audience public) leaves out what the public edition of the Data strategy does not publish: security levels, infrastructure, addresses, integration maps, restricted data and state secrets, internal descriptions and notes.\nDefault: archimate is the internal edition, dcat the public one.',
  'xuất mô hình sang định dạng trao đổi (ArchiMate, DCAT-AP) / export to exchange formats': 'export the model to exchange formats (ArchiMate, DCAT-AP, XLSX)',
  'định dạng trao đổi': 'exchange format',
  'bản nội bộ hoặc bản công khai (mặc định theo định dạng)': 'internal or public edition (default depends on the format)',
  'như --audience public': 'same as --audience public',
  'thư mục đầu ra (mặc định exports; các tệp khác của kientruc trong thư mục được giữ nguyên), hoặc tên tệp khi định dạng chỉ ghi một tệp':
    'output folder (default exports; kientruc’s other files in it are left untouched), or a file name when the format writes a single file',
  'dcat: tiền tố IRI cho định danh danh mục, tập dữ liệu, phân phối (mặc định urn:kientruc:<mã cơ quan>:)':
    'dcat: IRI prefix for catalogue, dataset and distribution identifiers (default urn:kientruc:<agency code>:)',
  'Máy chủ Language Server Protocol qua stdin/stdout: báo lỗi lược đồ, tham chiếu và mọi quy tắc tuân thủ ngay khi gõ (kể cả tệp chưa lưu), gợi ý tham chiếu system:…, dataset:…, national:…, org:… theo mã hoặc tên (có dấu hay không dấu), đi tới định nghĩa, tìm tham chiếu, xem nhanh thực thể, sửa nhanh gợi ý "ý bạn là". Trình soạn thảo khởi động lệnh này; xem docs/lsp.md.':
    'Language Server Protocol server over stdin/stdout: reports schema and reference errors and every conformance rule as you type (unsaved files included), completes system:…, dataset:…, national:…, org:… references by id or name (with or without diacritics), go to definition, find references, hover on entities, and "did you mean" quick fixes. Editors start this command; see docs/lsp.md.',
  'máy chủ ngôn ngữ cho trình soạn thảo / language server for editors': 'language server for editors',
  'thư mục kiến trúc (mặc định: architecture/ trong thư mục làm việc của trình soạn thảo nếu có)':
    'architecture folder (default: architecture/ in the editor’s workspace folder, if there is one)',
  'giao tiếp qua stdin/stdout (mặc định, nhận để tương thích với các trình khách LSP)':
    'communicate over stdin/stdout (the default; accepted for compatibility with LSP clients)',
};

const EXIT_LOADED = 'Exit codes: 0 report written; 1 the architecture has syntax, schema or reference errors (nothing written); 2 usage or internal error.';

/** Help epilogues in English, per command ('' is the program). */
const AFTER_EN: Readonly<Record<string, string>> = {
  '': `
Quick start:
  $ kientruc init so-y-te --name "Sở Y tế tỉnh Sơn Hà"
  $ kientruc validate architecture
  $ kientruc check architecture --format sarif --output kientruc.sarif
  $ kientruc gap architecture
  $ kientruc report architecture --period 2025-Q4
  $ kientruc build architecture --out generated
  $ kientruc diagram architecture --format svg,png
  $ kientruc doc architecture --format pdf,docx
  $ kientruc completion bash > ~/.local/share/bash-completion/completions/kientruc

Exit codes: 0 passed, 1 findings (per --fail-on), 2 usage or internal error.`,
  validate: `
Examples:
  $ kientruc validate                         # checks architecture/
  $ kientruc validate ../so-y-te/architecture --lang en
  $ kientruc validate -f json | jq '.summary'
  $ kientruc validate -f sarif -o kientruc.sarif
  $ kientruc validate --no-cache              # bypass the .kientruc-cache/ cache

Exit codes: 0 no errors, 1 errors (per --fail-on), 2 usage or internal error.`,
  check: `
Examples:
  $ kientruc check
  $ kientruc check --fail-on warning
  $ kientruc check -f sarif -o kientruc.sarif     # upload to GitHub code scanning
  $ kientruc check -f junit -o kientruc-junit.xml # GitLab test report
  $ kientruc check -f github                      # annotations on the pull request
  $ kientruc check --config ci/kientruc.config.yaml
  $ kientruc check --state target:2030            # the rules on the 2030 target architecture

Configuration (kientruc.config.yaml, next to the architecture folder):
  rules:
    data.layer-block: { severity: info }
    agency.maturity-level: { severity: off, reason: "No maturity criteria yet" }
  waivers:
    - rule: integration.sharing-platform
      entity: integration:his-bhxh
      reason: "Waiting for the LGSP connection to Social Insurance"
      approvedBy: "Deputy Director, Department of Science and Technology"
      expires: 2026-06-30
  Waived findings are still shown (marked waived) but do not count for --fail-on;
  an expired waiver is the error waiver.expired, one matching no finding the warning waiver.unused.

Exit codes: 0 no unwaived finding at --fail-on or above; 1 there are; 2 usage or internal error.`,
  gap: `
Examples:
  $ kientruc gap                              # generated/gap-report.md, .html, .json
  $ kientruc gap --format md --as-of 2026-09-30
  $ kientruc gap --format pdf,docx                # generated/gap-report.pdf, .docx
  $ kientruc gap --state target:2030 --out generated/muc-tieu-2030   # the gaps left in the 2030 target
  $ kientruc gap ../so-y-te/architecture --out ../so-y-te/generated

The report date is --as-of, or asOf in agency.yaml: the same data gives the same report, byte for byte.
${EXIT_LOADED}`,
  report: `
Examples:
  $ kientruc report                         # the latest period finished before the data date
  $ kientruc report --period 2025-Q4        # generated/bao-cao-dinh-ky-2025-q4.md, .html, .docx, .json
  $ kientruc report --period 2025 --format md,pdf

${EXIT_LOADED}`,
  build: `
Examples:
  $ kientruc build                          # architecture/ → generated/
  $ kientruc build ../so-y-te/architecture --out ../so-y-te/generated
  $ kientruc build --check                  # CI: does generated/ match the YAML?
  $ kientruc build --as-of 2026-09-30       # data as of a date (also the current state)
  $ kientruc build --state target:2030 --out generated/muc-tieu-2030   # the 2030 target architecture
  $ kientruc build --watch --no-render      # rebuild on every YAML edit (open generated/site/index.html)`,
  diagram: `
Examples:
  $ kientruc diagram                              # architecture/ → generated/diagrams/ (svg, png, mmd)
  $ kientruc diagram --format svg                 # SVG only
  $ kientruc diagram --no-render                  # Mermaid only, no Chromium needed (light CI)
  $ kientruc diagram --state target:2030 --out generated/muc-tieu-2030/diagrams   # the 2030 target
  $ kientruc diagram ../so-y-te/architecture --out ../so-y-te/generated/diagrams --max-nodes 60

Needs Chromium and fonts covering Vietnamese (Debian/Ubuntu):
  $ sudo apt-get install -y --no-install-recommends chromium fonts-liberation2 fonts-croscore
"kientruc build" also draws these diagrams into generated/diagrams/.`,
  doc: `
Examples:
  $ kientruc doc                                   # generated/chien-luoc-du-lieu.{md,html,pdf,docx}
  $ kientruc doc --kind ke-hoach                   # generated/ke-hoach-du-lieu.{md,html,pdf,docx}
  $ kientruc doc --kind bao-cao --period 2026-Q3   # generated/bao-cao-dinh-ky-2026-q3.{md,html,pdf,docx}
  $ kientruc doc --kind kien-truc                  # generated/kien-truc-so.{md,html,pdf,docx}
  $ kientruc doc --format md,html --no-render      # no browser needed (HTML without diagrams)
  $ kientruc doc --audience public --format pdf    # generated/chien-luoc-du-lieu-cong-khai.pdf
  $ kientruc doc ../so-y-te/architecture --out ../so-y-te/generated --as-of 2026-09-30

Text the agency writes: agency.yaml (document, strategy, report) or architecture/strategy/quan-diem.md,
tam-nhin.md, nguyen-tac.md, muc-tieu-tong-quat.md. Template overrides: templates/strategy/<template>.hbs
next to the architecture folder (see docs/documents.md). Layout (margins, font sizes): src/framework/packs/vn-2025/document-layout.yaml.
The document itself is in Vietnamese, as official documents must be.`,
  diff: `
Each side is a folder if that folder exists, otherwise a git reference.
An architecture folder renamed between the sides (git mv architecture kien-truc) is found through git;
or name each side's folder with --base-dir/--head-dir.

Examples:
  $ kientruc diff main                                # branch main → working folder
  $ kientruc diff origin/main HEAD --format md --output kientruc-diff.md
  $ kientruc diff v1.0 v1.1 --format json | jq .breaking
  $ kientruc diff ../ban-cu/architecture architecture # two folders
  $ kientruc diff main --fail-on-breaking             # CI: block breaking changes
  $ kientruc diff v1.0 HEAD --base-dir architecture --head-dir kien-truc
  $ kientruc diff --from current --to target:2030     # current state → 2030 target, with the roadmap
  $ kientruc diff --from 2027 --to 2028 architecture  # the planned steps during 2028

With --from/--to the two sides are two states of one architecture folder (since, until, transitions):
entities that begin, end or change, and the roadmap of planned steps with their delivering tasks.`,
  aggregate: `
Examples:
  $ kientruc aggregate architecture ../so-y-te/architecture ../xa-lam-nguyen/architecture --out generated/tinh
  $ kientruc aggregate tinh/ so-*/ xa-*/ --out tong-hop --agency 000.00.00.H99 --weights population
  $ kientruc aggregate a b c --out tong-hop --format sarif --output xung-dot.sarif

Outputs: aggregate.md (agencies, conflicts, rolled-up KPIs, inter-agency integrations), aggregate.json,
gap-report.{md,html,json} (aggregate gap report), appendix.md (systems, databases, tasks), diagrams/lien-co-quan.{mmd,svg}
(inter-agency diagram), model.json (the merged model), site/index.html (catalogue of the merged view).`,
  site: `
Examples:
  $ kientruc site                                   # architecture/ → generated/site/index.html
  $ kientruc site ../so-y-te/architecture --out /var/www/kien-truc --force   # web folder already holds other files: write beside them
  $ xdg-open generated/site/index.html              # open in a browser`,
  schema: `
Examples:
  $ kientruc schema --out generated/schema     # first line of each YAML file:
      # yaml-language-server: $schema=../../generated/schema/kientruc.schema.json
  $ kientruc schema --list national            # national:… used in from/to, nationalDatabase
  $ kientruc schema --list targets             # target:… used in nationalTarget
  $ kientruc schema --list units               # units of measure used in kpi.unit (add your own in agency.units)
  $ kientruc schema --list codes               # every diagnostic code and rule`,
  completion: `
Examples:
  $ source <(kientruc completion bash)                                              # this session
  $ kientruc completion bash > ~/.local/share/bash-completion/completions/kientruc  # for good
  $ kientruc completion zsh > "\${fpath[1]}/_kientruc"                                 # zsh, then restart zsh`,
  import: `
Examples:
  $ kientruc import danh-muc-httt.xlsx                      # writes architecture/systems/danh-muc-httt.yaml …
  $ kientruc import danh-muc-httt.xlsx --dry-run            # preview, write nothing
  $ kientruc import bieu-01.csv --map anh-xa.yaml --into architecture
  $ kientruc import danh-muc-httt.xlsx --update             # import the new edition, hand edits kept
  $ kientruc import danh-muc-httt.xlsx -f json | jq '.diagnostics[] | .path'

Exit codes: 0 imported; 1 cell errors (per --fail-on), --update needed, or other YAML still refers to entities the import would delete; 2 usage error.`,
  export: `
Examples:
  $ kientruc export --format archimate                       # exports/kien-truc.archimate.xml (Archi: File › Import › Model From Open Exchange File…)
  $ kientruc export --format archimate --audience public     # exports/kien-truc-cong-khai.archimate.xml
  $ kientruc export --format dcat --base-uri https://dulieu.sonha.gov.vn/id/
                                                             # exports/danh-muc-du-lieu-cong-khai.dcat.{ttl,jsonld}
  $ kientruc export architecture --format dcat --audience internal --out ../noi-bo
  $ kientruc export --format xlsx --out ra-soat/danh-muc.xlsx  # workbook; import it back with "kientruc import" (docs/import-export.md)

Guide: docs/exchange.md.`,
  daemon: `
Examples:
  $ kientruc daemon start                 # a daemon for architecture/; kientruc check uses it from now on
  $ kientruc check                        # as before, much cheaper after editing one file
  $ kientruc daemon status
  $ kientruc daemon start ../so-y-te/architecture --idle 120
  $ kientruc daemon stop
  $ kientruc check --no-daemon            # without the daemon, this once

Socket and log: $XDG_RUNTIME_DIR/kientruc/ (or <temp folder>/kientruc-<uid>/), readable by you only.
Exit codes: 0 success; status: 1 when no daemon runs; 2 usage error.`,
  lsp: `
Examples:
  $ kientruc lsp                      # VS Code: editors/vscode; Neovim: see docs/lsp.md
  $ kientruc lsp architecture --stdio

Client settings (initializationOptions): { "root": "architecture", "lang": "vi", "asOf": "2026-09-30" }.`,
  init: `
Examples:
  $ kientruc init so-y-te --name "Sở Y tế tỉnh Sơn Hà" --level department --code 000.00.31.H99
  $ kientruc init . --name "Ủy ban nhân dân xã An Phú" --level commune
  $ cd so-y-te && npx kientruc check
  $ npm i -D kientruc && npx kientruc init . --name "Sở Y tế tỉnh Sơn Hà"   # in an existing project: adds the scripts to package.json
  $ kientruc init so-y-te --name "Sở Y tế tỉnh Sơn Hà" --package file:vendor/kientruc-0.1.0.tgz   # the registry has no kientruc

Running init again is safe: identical files are skipped, files with different content are kept (unless --force).`,
};

/** The English text of a Vietnamese help string, or the string itself. */
export function helpTextEn(vi: string): string {
  return TEXT_EN[vi] ?? vi;
}

export function hasEnglishHelp(command: string): boolean {
  return command in AFTER_EN;
}

/** Puts every description, option, argument and epilogue of `program` and its commands into English. */
export function translateHelp(program: Command): void {
  const walk = (cmd: Command, name: string): void => {
    cmd.description(helpTextEn(cmd.description()));
    if (cmd.summary()) cmd.summary(helpTextEn(cmd.summary()));
    for (const arg of cmd.registeredArguments) arg.description = helpTextEn(arg.description);
    for (const opt of cmd.options) {
      opt.description = helpTextEn(opt.description);
      // Value placeholders are shown as written ("--period <kỳ>"); only the display changes, not parsing.
      opt.flags = opt.flags.replace('<kỳ>', '<period>');
    }
    cmd.helpOption('-h, --help', 'show help');
    const after = AFTER_EN[name];
    if (after !== undefined) {
      // commander keeps help epilogues as listeners (Command is an EventEmitter at runtime, not in its types).
      (cmd as unknown as EventEmitter).removeAllListeners('afterHelp');
      cmd.addHelpText('after', after);
    }
    for (const sub of cmd.commands) walk(sub, sub.name());
  };
  walk(program, '');
}
