import type { FrameworkPack } from '../../framework/types.js';
import { BASE_REQUIRED, baseProperties, decision, orgRef, period, plan, timeProperties } from './common.js';
import { arr, bool, date, doc, enumOf, id, int, obj, ref, str, text, type Schema } from './dsl.js';

export function agencySchema(pack: FrameworkPack, packIds: readonly string[]): Schema {
  const signer = obj(
    { vi: 'Người ký', en: 'Signatory', dvi: 'Khối chữ ký theo NĐ 30/2020/NĐ-CP.', den: 'Signature block per Decree 30/2020.', legal: 'NĐ 30/2020/NĐ-CP Phụ lục I' },
    {
      authority: str({ vi: 'Quyền hạn ký', en: 'Signing authority', dvi: 'Ví dụ "TM. ỦY BAN NHÂN DÂN".', den: 'E.g. "TM. ỦY BAN NHÂN DÂN" (on behalf of).' }),
      delegation: str({ vi: 'Ký thay', en: 'Signing for', dvi: 'Ví dụ "KT. CHỦ TỊCH".', den: 'E.g. "KT. CHỦ TỊCH" (signing for the chair).' }),
      title: str({ vi: 'Chức vụ người ký', en: 'Signer title', dvi: 'Ví dụ "PHÓ CHỦ TỊCH".', den: 'E.g. "PHÓ CHỦ TỊCH".' }),
      name: str({ vi: 'Họ và tên người ký', en: 'Signer name' }),
    },
    ['title'],
  );
  return obj(
    { vi: 'Cơ quan', en: 'Agency', dvi: 'Cơ quan mô tả kiến trúc: bộ, tỉnh, sở, ngành hoặc xã.', den: 'The agency the architecture describes.' },
    {
      ...baseProperties('Agency', { vi: 'cơ quan lập kiến trúc', en: 'the agency' }),
      framework: doc(
        { vi: 'Bộ khung áp dụng', en: 'Framework pack', dvi: 'Bộ dữ liệu khung (chỉ tiêu, danh mục, nền tảng quốc gia) dùng để đối chiếu.', den: 'Framework pack (targets, enums, national platforms) to check against.' },
        { type: 'string', enum: [...packIds] },
      ),
      code: str({ vi: 'Mã định danh cơ quan', en: 'Agency code', dvi: 'Mã định danh theo QCVN 102:2016/BTTTT, ví dụ "000.00.00.H99". Ghi "chưa xác định" khi chưa có: kientruc cảnh báo, và kientruc aggregate cần mã này.', den: 'Agency identifier per QCVN 102:2016/BTTTT. Write "chưa xác định" when not yet known: kientruc warns, and kientruc aggregate needs it.', legal: 'TT 10/2016/TT-BTTTT (QCVN 102:2016/BTTTT)', examples: ['000.00.00.H99', 'chưa xác định'] }, { maxLength: 40 }),
      level: enumOf(pack, 'agencyLevel'),
      parent: obj(
        { vi: 'Cơ quan cấp trên', en: 'Parent body' },
        {
          name: str({ vi: 'Tên cơ quan cấp trên', en: 'Parent name' }),
          code: str({ vi: 'Mã định danh cơ quan cấp trên', en: 'Parent agency code' }),
        },
        ['name'],
      ),
      location: str({ vi: 'Địa danh', en: 'Place name', dvi: 'Địa danh ghi trên văn bản, ví dụ "Sơn Hà".', den: 'Place name printed on documents.' }),
      asOf: date({ vi: 'Ngày số liệu', en: 'Data as of', dvi: 'Ngày chốt số liệu của báo cáo khi không truyền --as-of.', den: 'Report date when --as-of is not given.' }),
      population: obj(
        { vi: 'Dân số', en: 'Population', dvi: 'Dân số trên địa bàn, dùng làm mẫu số và trọng số tổng hợp.', den: 'Population served; denominators and roll-up weights.' },
        {
          total: int({ vi: 'Tổng dân số', en: 'Total population' }, 0),
          adults: int({ vi: 'Dân số trưởng thành', en: 'Adult population' }, 0),
          asOf: date({ vi: 'Thời điểm số liệu', en: 'As of' }),
        },
      ),
      contact: obj(
        { vi: 'Đầu mối liên hệ', en: 'Contact' },
        {
          unit: str({ vi: 'Đơn vị đầu mối', en: 'Contact unit' }),
          person: str({ vi: 'Người đầu mối', en: 'Contact person' }),
          email: str({ vi: 'Thư điện tử', en: 'E-mail' }, { format: 'email' }),
          phone: str({ vi: 'Điện thoại', en: 'Phone' }, { maxLength: 40 }),
        },
      ),
      staffing: obj(
        { vi: 'Nhân lực CNTT, chuyển đổi số', en: 'IT and digital-transformation staffing', legal: 'Quy định 05-QĐ/BCĐTW; seed 003 mục 1.c' },
        {
          asOf: date({ vi: 'Thời điểm số liệu', en: 'As of' }),
          totalStaff: int({ vi: 'Tổng số cán bộ, công chức, viên chức', en: 'Total staff' }, 0),
          itStaff: int({ vi: 'Nhân sự chuyên trách CNTT, chuyển đổi số', en: 'Dedicated IT/DX staff' }, 0),
          itStaffCertified: int({ vi: 'Nhân sự chuyên trách có chứng chỉ phù hợp', en: 'Dedicated staff with relevant certificates' }, 0),
          itStaffRequired: int({ vi: 'Định biên nhân sự chuyên trách cần có', en: 'Dedicated staff required' }, 0),
          trainedStaff: int({ vi: 'Lượt cán bộ được đào tạo kỹ năng số', en: 'Staff trained in digital skills' }, 0),
          digitalTechTeams: int({ vi: 'Số Tổ công nghệ số cộng đồng', en: 'Community digital-technology teams' }, 0),
          certifications: arr(
            { vi: 'Chứng chỉ', en: 'Certifications' },
            obj({ vi: 'Chứng chỉ', en: 'Certification' }, {
              name: str({ vi: 'Tên chứng chỉ', en: 'Certificate' }),
              holders: int({ vi: 'Số người có', en: 'Holders' }, 0),
            }, ['name', 'holders']),
          ),
        },
      ),
      security: obj(
        { vi: 'Bảo đảm an toàn, an ninh mạng', en: 'Security arrangements', legal: 'Seed 003 mục 1.d, mục 2' },
        {
          incidentResponsePlan: plan(pack, { vi: 'Phương án ứng phó sự cố', en: 'Incident-response plan' }),
          dataRecoveryPlan: plan(pack, { vi: 'Phương án khôi phục dữ liệu', en: 'Data-recovery plan' }),
          internalNetworkRules: plan(pack, { vi: 'Quy chế sử dụng mạng nội bộ, mạng kết nối Internet', en: 'Internal-network and Internet use rules' }),
          lastAssessment: obj(
            { vi: 'Đánh giá an toàn thông tin gần nhất', en: 'Last security assessment', dvi: 'Đánh giá định kỳ do Công an tỉnh thực hiện theo thẩm quyền.', den: 'Periodic assessment by the provincial police.' },
            {
              date: date({ vi: 'Ngày đánh giá', en: 'Assessment date' }),
              by: orgRef({ vi: 'Cơ quan đánh giá', en: 'Assessed by' }),
              result: text({ vi: 'Kết quả', en: 'Result' }),
              openFindings: int({ vi: 'Số tồn tại chưa khắc phục', en: 'Open findings' }, 0),
            },
            ['date'],
          ),
          soc: ref({ vi: 'Hệ thống giám sát an toàn (SOC)', en: 'Security operations centre' }, ['system', 'national']),
        },
      ),
      governance: obj(
        { vi: 'Quản trị dữ liệu', en: 'Data governance', legal: 'QĐ 2439/QĐ-TTg; QĐ 3090/QĐ-BKHCN' },
        {
          maturityLevel: enumOf(pack, 'maturityLevel'),
          assessedOn: date({ vi: 'Ngày đánh giá mức trưởng thành', en: 'Maturity assessed on' }),
          dataCoordinator: orgRef({ vi: 'Đầu mối điều phối dữ liệu', en: 'Data coordinator' }),
          reportingPeriod: enumOf(pack, 'reportingPeriod'),
          dataRegulation: decision({ vi: 'Quy chế quản lý, kết nối, chia sẻ dữ liệu', en: 'Data management and sharing regulation' }),
        },
      ),
      document: obj(
        { vi: 'Thông tin văn bản Chiến lược dữ liệu', en: 'Data-strategy document metadata', legal: 'NĐ 30/2020/NĐ-CP' },
        {
          status: enumOf(pack, 'documentStatus'),
          type: str({ vi: 'Tên loại văn bản', en: 'Document type', dvi: 'Mặc định "QUYẾT ĐỊNH".', den: 'Defaults to "QUYẾT ĐỊNH" (decision).' }),
          number: str({ vi: 'Số, ký hiệu', en: 'Number', examples: ['123/QĐ-UBND'] }),
          date: date({ vi: 'Ngày văn bản', en: 'Document date' }),
          title: str({ vi: 'Trích yếu', en: 'Subject line', examples: ['Phê duyệt Chiến lược dữ liệu tỉnh Sơn Hà đến năm 2030'] }),
          issuer: str({ vi: 'Tên cơ quan ban hành', en: 'Issuing body', dvi: 'In hoa ở góc trái, ví dụ "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ".', den: 'Printed top-left in capitals.' }),
          issuerParent: str({ vi: 'Tên cơ quan chủ quản', en: 'Parent of the issuing body', dvi: 'Dòng trên tên cơ quan ban hành (nếu có).', den: 'Line above the issuing body, if any.' }),
          authority: str({ vi: 'Thẩm quyền ban hành', en: 'Issuing authority', dvi: 'Ví dụ "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ" hoặc "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH".', den: 'Authority line above the legal bases.' }),
          proposer: str({ vi: 'Cơ quan đề nghị', en: 'Proposed by', dvi: 'Dòng "Theo đề nghị của …".', den: 'The "on the proposal of" line.' }),
          legalBases: arr({ vi: 'Căn cứ bổ sung', en: 'Additional legal bases', dvi: 'Căn cứ riêng của cơ quan, thêm vào sau căn cứ của bộ khung.', den: 'Agency-specific legal bases appended to the framework ones.' }, { type: 'string', minLength: 1 }),
          excludeBases: arr({ vi: 'Căn cứ bỏ qua', en: 'Omitted legal bases', dvi: 'Mã văn bản trong bộ khung không đưa vào phần căn cứ.', den: 'Framework legal-document ids to leave out.' }, { type: 'string' }),
          signer,
          recipients: arr({ vi: 'Nơi nhận', en: 'Recipients' }, { type: 'string', minLength: 1 }),
          effect: str({ vi: 'Hiệu lực', en: 'Entry into force', dvi: 'Mặc định "Quyết định này có hiệu lực kể từ ngày ký."', den: 'Defaults to entry into force on signature.' }),
          horizon: int({ vi: 'Năm tầm nhìn', en: 'Horizon year' }, 2025, 2100),
          kind: doc(
            { vi: 'Loại văn bản', en: 'Document kind', dvi: '"chien-luoc": Quyết định phê duyệt Chiến lược dữ liệu (mặc định); "ke-hoach": Kế hoạch (KH-UBND) hoặc Quyết định ban hành Kế hoạch (xem form); "kien-truc": Quyết định phê duyệt Khung kiến trúc số (horizon là năm của kiến trúc mục tiêu). Lệnh doc --kind ghi đè.', den: '"chien-luoc" (default): decision approving the data strategy; "ke-hoach": a plan, standalone or attached to a decision (see form); "kien-truc": decision approving the digital architecture (horizon is the target-state year). doc --kind overrides it.' },
            { type: 'string', enum: ['chien-luoc', 'ke-hoach', 'kien-truc'] },
          ),
          form: doc(
            { vi: 'Hình thức Kế hoạch', en: 'Plan form', dvi: '"standalone": Kế hoạch ban hành độc lập (mặc định); "decision": Quyết định ban hành Kế hoạch kèm theo.', den: '"standalone": a plan issued on its own (default); "decision": a decision issuing the attached plan.' },
            { type: 'string', enum: ['standalone', 'decision'] },
          ),
          purposes: arr({ vi: 'Mục đích (Kế hoạch)', en: 'Purposes (plan)', dvi: 'Mục I.1 của Kế hoạch; mặc định lời văn của bộ khung.', den: 'Section I.1 of a plan; framework wording by default.' }, { type: 'string', minLength: 1 }),
          requirements: arr({ vi: 'Yêu cầu (Kế hoạch)', en: 'Requirements (plan)', dvi: 'Mục I.2 của Kế hoạch; mặc định lời văn của bộ khung.', den: 'Section I.2 of a plan; framework wording by default.' }, { type: 'string', minLength: 1 }),
          issuerCode: str({ vi: 'Chữ viết tắt tên cơ quan ban hành', en: 'Issuer abbreviation', dvi: 'Phần sau tên loại trong số, ký hiệu ("UBND" trong "…/QĐ-UBND"); mặc định suy ra từ tên cơ quan ban hành.', den: 'The part after the type code in the number ("UBND" in "…/QĐ-UBND"); derived from the issuer by default.', legal: 'NĐ 30/2020/NĐ-CP Phụ lục I' }, { maxLength: 20 }),
        },
      ),
      report: obj(
        { vi: 'Báo cáo định kỳ', en: 'Periodic report', dvi: 'Thể thức và nội dung do cơ quan soạn của báo cáo định kỳ (doc --kind bao-cao, report): số, ngày, nơi nhận, khó khăn, kiến nghị, người lập.', den: 'Metadata and prose of the periodic report (doc --kind bao-cao, report).', legal: 'NĐ 30/2020/NĐ-CP; văn bản triển khai CV 1215/TTg-KSTT mục 1.b' },
        {
          number: str({ vi: 'Số, ký hiệu', en: 'Number', examples: ['125/BC-UBND'] }),
          date: date({ vi: 'Ngày báo cáo', en: 'Report date' }),
          title: str({ vi: 'Trích yếu', en: 'Subject line', dvi: 'Mặc định "Kết quả kết nối, chia sẻ dữ liệu, chất lượng dữ liệu và tiến độ thực hiện nhiệm vụ <kỳ>".', den: 'Defaults to a subject naming the period.' }),
          period: period({ vi: 'Kỳ báo cáo', en: 'Period', dvi: 'Ví dụ 2026-Q3, 2026-H1, 2026; mặc định: kỳ gần nhất đã kết thúc (lệnh report --period ghi đè).', den: 'E.g. 2026-Q3; defaults to the latest complete period.' }),
          addressees: arr({ vi: 'Kính gửi', en: 'Addressees', dvi: 'Cơ quan nhận báo cáo, ví dụ "Ủy ban nhân dân tỉnh".', den: 'Bodies the report is addressed to.' }, { type: 'string', minLength: 1 }),
          recipients: arr({ vi: 'Nơi nhận', en: 'Recipients' }, { type: 'string', minLength: 1 }),
          difficulties: arr({ vi: 'Khó khăn, vướng mắc', en: 'Difficulties', dvi: 'Mỗi mục một đoạn.', den: 'One paragraph per item.' }, { type: 'string', minLength: 1 }),
          recommendations: arr({ vi: 'Kiến nghị, đề xuất', en: 'Recommendations', dvi: 'Mỗi mục một đoạn.', den: 'One paragraph per item.' }, { type: 'string', minLength: 1 }),
          preparer: obj(
            { vi: 'Người lập báo cáo', en: 'Prepared by' },
            {
              name: str({ vi: 'Họ và tên', en: 'Name' }),
              unit: str({ vi: 'Đơn vị', en: 'Unit' }),
              phone: str({ vi: 'Điện thoại', en: 'Phone' }, { maxLength: 40 }),
              email: str({ vi: 'Thư điện tử', en: 'E-mail' }, { format: 'email' }),
            },
            ['name'],
          ),
          signer,
        },
      ),
      strategy: obj(
        { vi: 'Nội dung Chiến lược do cơ quan soạn', en: 'Strategy prose written by the agency', dvi: 'Để trống để dùng nội dung mặc định của bộ khung; có thể thay bằng tệp Markdown trong architecture/strategy/.', den: 'Leave empty for framework defaults; Markdown files under architecture/strategy/ override.' },
        {
          viewpoints: arr({ vi: 'Quan điểm', en: 'Viewpoints' }, { type: 'string', minLength: 1 }),
          vision: text({ vi: 'Tầm nhìn', en: 'Vision' }),
          principles: arr({ vi: 'Nguyên tắc', en: 'Principles' }, { type: 'string', minLength: 1 }),
          generalObjective: text({ vi: 'Mục tiêu tổng quát', en: 'General objective' }),
        },
      ),
      plan: obj(
        {
          vi: 'Kế hoạch của cơ quan',
          en: 'The agency\'s plan',
          dvi: 'Chủ đề (nhóm nhiệm vụ) do cơ quan tự đặt trong kế hoạch, ví dụ "Nền tảng số", "Tài chính và giải ngân", "Kỷ luật thực thi". Nhiệm vụ chọn chủ đề bằng "theme"; "area" vẫn là phân loại quốc gia (QĐ 1751).',
          den: 'Themes (task groups) the agency\'s own plan uses. A task picks one with "theme"; "area" stays the national classification (Decision 1751).',
        },
        {
          themes: arr(
            { vi: 'Chủ đề', en: 'Themes', dvi: 'Theo thứ tự in trong kế hoạch.', den: 'In the order the plan prints them.', examples: [[{ id: 'nen-tang-so', title: 'Phát triển nền tảng số' }]] },
            obj(
              { vi: 'Chủ đề', en: 'Theme' },
              {
                id: id({ vi: 'Mã chủ đề', en: 'Theme id', examples: ['nen-tang-so'] }),
                title: str({ vi: 'Tên chủ đề', en: 'Title' }, { maxLength: 300 }),
                description: text({ vi: 'Mô tả', en: 'Description' }),
              },
              ['id', 'title'],
            ),
          ),
        },
      ),
      units: arr(
        { vi: 'Đơn vị đo bổ sung', en: 'Additional units', dvi: 'Đơn vị đo riêng của cơ quan, dùng trong kpi.unit bên cạnh danh mục của bộ khung (kientruc schema --list units).', den: 'The agency\'s own units, usable in kpi.unit beside the framework catalogue.', examples: [[{ id: 'tram-bts', vi: 'Trạm phát sóng BTS', en: 'Base stations', symbol: 'trạm' }]] },
        obj(
          { vi: 'Đơn vị đo', en: 'Unit' },
          {
            id: id({ vi: 'Mã đơn vị', en: 'Unit id', examples: ['tram-bts'] }),
            vi: str({ vi: 'Tên tiếng Việt', en: 'Vietnamese name' }, { maxLength: 120 }),
            en: str({ vi: 'Tên tiếng Anh', en: 'English name' }, { maxLength: 120 }),
            symbol: str({ vi: 'Ký hiệu', en: 'Symbol', dvi: 'In sau con số, ví dụ "trạm".', den: 'Printed after the number.' }, { maxLength: 30 }),
          },
          ['id', 'vi'],
        ),
      ),
      documents: arr(
        {
          vi: 'Văn bản của cơ quan',
          en: 'The agency\'s documents',
          dvi: 'Văn bản do cơ quan hoặc cấp trên ban hành mà kiến trúc dẫn chiếu: kiến trúc số, kế hoạch, quy chế vận hành hệ thống. Hệ thống dẫn chiếu bằng mã (legalBasis, operatingRules).',
          den: 'Documents issued by the agency or its superiors that the architecture cites: its architecture, plans, operating rules. Systems cite them by id (legalBasis, operatingRules).',
          examples: [[{ id: 'khung-kien-truc-so', type: 'decision', number: '2380/QĐ-UBND', date: '2025-12-26', issuer: 'UBND tỉnh Sơn Hà', title: 'Ban hành Khung kiến trúc số tỉnh Sơn Hà' }]],
        },
        obj(
          { vi: 'Văn bản', en: 'Document' },
          {
            id: id({ vi: 'Mã văn bản', en: 'Document id', examples: ['quy-che-lgsp'] }),
            type: enumOf(pack, 'documentType'),
            number: str({ vi: 'Số, ký hiệu', en: 'Number', examples: ['2380/QĐ-UBND'] }, { maxLength: 120 }),
            date: date({ vi: 'Ngày ban hành', en: 'Date issued' }),
            issuer: str({ vi: 'Cơ quan ban hành', en: 'Issuing body' }, { maxLength: 300 }),
            title: str({ vi: 'Trích yếu', en: 'Title' }, { maxLength: 1000 }),
            link: str({ vi: 'Đường dẫn', en: 'Link' }, { format: 'uri' }),
            legalBasis: bool({ vi: 'Đưa vào phần căn cứ', en: 'Cite as a legal basis', dvi: 'true: in trong phần căn cứ của Chiến lược dữ liệu, sắp theo thứ bậc văn bản rồi theo ngày.', den: 'true: printed among the legal bases of the strategy, sorted by rank then date.' }),
            replacedBy: doc(
              {
                vi: 'Được thay thế bởi văn bản kientruc soạn',
                en: 'Replaced by the document kientruc drafts',
                dvi: 'Văn bản này là bản trước của văn bản kientruc soạn ("kien-truc": Khung kiến trúc số đang có; "chien-luoc", "ke-hoach"): Quyết định mới không dẫn nó làm căn cứ và ghi ở Điều 2 "… và thay thế Quyết định số …".',
                den: 'This is the earlier edition of a document kientruc drafts ("kien-truc": the architecture in force; "chien-luoc", "ke-hoach"): the new decision does not cite it as a basis and says in Article 2 that it replaces it.',
                legal: 'NĐ 30/2020/NĐ-CP',
              },
              { type: 'string', enum: ['chien-luoc', 'ke-hoach', 'kien-truc'] },
            ),
          },
          ['id', 'type', 'number', 'date', 'issuer', 'title'],
        ),
      ),
      nationalEntities: arr(
        {
          vi: 'Hệ thống, CSDL quốc gia bộ khung chưa có',
          en: 'National entities the pack lacks',
          dvi: 'Nền tảng, CSDL quốc gia mà bộ khung chưa liệt kê; khai báo kèm nguồn để tham chiếu được bằng national:<id>. kientruc cảnh báo cho tới khi bộ khung bổ sung.',
          den: 'National platforms or databases the framework pack does not list yet; declared with a source so national:<id> resolves. kientruc warns until the pack knows them.',
          examples: [[{ id: 'csdl-bao-hiem', name: 'Cơ sở dữ liệu quốc gia về bảo hiểm', layer: 'L2', component: 'national-database', source: 'https://…' }]],
        },
        obj(
          { vi: 'Hệ thống, CSDL quốc gia', en: 'National entity' },
          {
            id: id({ vi: 'Mã', en: 'Id', examples: ['csdl-bao-hiem'] }),
            name: str({ vi: 'Tên', en: 'Name' }, { maxLength: 500 }),
            nameEn: str({ vi: 'Tên tiếng Anh', en: 'English name' }, { maxLength: 500 }),
            type: doc({ vi: 'Loại', en: 'Type' }, { type: 'string', enum: ['platform', 'database', 'datacenter', 'portal', 'system'] }),
            layer: enumOf(pack, 'layer'),
            component: doc({ vi: 'Thành phần kiến trúc', en: 'Architecture component' }, { type: 'string', enum: pack.components.map((c) => c.id) }),
            owner: orgRef({ vi: 'Cơ quan chủ quản', en: 'Owner' }),
            source: str({ vi: 'Nguồn', en: 'Source', dvi: 'Văn bản hoặc địa chỉ công bố xác nhận hệ thống này (bắt buộc).', den: 'Document or published address confirming it (required).' }, { maxLength: 1000 }),
          },
          ['id', 'name', 'layer', 'component', 'source'],
        ),
      ),
      sharedPlatformsPublished: bool({ vi: 'Đã ban hành danh mục nền tảng số dùng chung', en: 'Shared-platform catalogue issued', legal: 'Seed 004' }),
      reportingPeriodStart: period({ vi: 'Kỳ báo cáo đầu tiên', en: 'First reporting period' }),
    },
    [...BASE_REQUIRED, 'framework', 'level'],
  );
}

export function organizationSchema(pack: FrameworkPack): Schema {
  const properties: Record<string, Schema> = {
    ...baseProperties('Organization', { vi: 'cơ quan, đơn vị', en: 'an organisation' }),
    code: str({ vi: 'Mã định danh cơ quan', en: 'Agency code', legal: 'TT 10/2016/TT-BTTTT (QCVN 102:2016/BTTTT)' }, { maxLength: 40 }),
    type: enumOf(pack, 'orgType', { dvi: 'Loại tổ chức; mặc định "state" (cơ quan nhà nước). Cơ quan Đảng, Mặt trận Tổ quốc, đoàn thể thuộc phạm vi áp dụng của QĐ 3090; doanh nghiệp (state-enterprise, vendor) chỉ là đơn vị cung cấp, vận hành.', den: 'Organisation type; "state" by default. Party bodies, the Fatherland Front and mass organisations are within the scope of Decision 3090; enterprises only supply or operate.' }),
    level: enumOf(pack, 'agencyLevel'),
    parent: orgRef({ vi: 'Cơ quan cấp trên', en: 'Parent' }),
    roles: arr({ vi: 'Vai trò', en: 'Roles' }, enumOf(pack, 'orgRole'), { uniqueItems: true }),
    responsibilities: arr(
      { vi: 'Trách nhiệm', en: 'Responsibilities', dvi: 'Nhiệm vụ nêu ở mục Tổ chức thực hiện, thêm vào nhiệm vụ tính từ mô hình.', den: 'Duties listed under implementation, added to those computed from the model.' },
      { type: 'string', minLength: 1 },
    ),
  };
  return obj(
    { vi: 'Cơ quan, đơn vị', en: 'Organisation', dvi: 'Sở, ngành, UBND xã, đơn vị trực thuộc hoặc cơ quan khác được nêu là chủ quản, chủ trì, phối hợp.', den: 'Department, commune, unit or other body named as owner, lead or partner.' },
    { ...properties, ...timeProperties('org', properties) },
    [...BASE_REQUIRED, 'level'],
  );
}
