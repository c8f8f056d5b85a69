import { text, type Text } from './text.js';

/**
 * What kind of failure an error is, stable across releases: what a caller of the library branches on
 * (docs/api.md lists which call throws which).
 */
export type KientrucErrorCode =
  /** An argument of the wrong type or value (options, a date, a format, a severity, a period, a state). */
  | 'KIENTRUC_INVALID_ARGUMENT'
  /** The architecture folder or the configuration file named does not exist (or is not a folder, a file). */
  | 'KIENTRUC_NOT_FOUND'
  /** A report or diagrams asked of a model with YAML, schema or reference errors (see `diagnostics`). */
  | 'KIENTRUC_STRUCTURAL_ERRORS'
  /** The operating system refused (permission, full disk, read-only folder…): `cause` holds its error. */
  | 'KIENTRUC_FILESYSTEM'
  /** A bug in kientruc: please report it (`cause` holds what was thrown). */
  | 'KIENTRUC_INTERNAL'
  /** A command-line usage error (the CLI's own; the library never throws it). */
  | 'KIENTRUC_USAGE';

/** Base of every error kientruc throws on purpose. Problems in user YAML are diagnostics, not errors. */
export class KientrucError extends Error {
  override name = 'KientrucError';
  /** The kind of failure (see `KientrucErrorCode`). */
  readonly code: KientrucErrorCode;
  /** The message in Vietnamese and English, when it was written in both (`message` is one of them). */
  readonly text?: Text;
  constructor(message: string, options?: ErrorOptions & { readonly code?: KientrucErrorCode; readonly text?: Text }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = options?.code ?? 'KIENTRUC_USAGE';
    if (options?.text !== undefined) this.text = options.text;
  }
}

/** Bad flag, missing folder, unreadable root: exit 2 with one line. */
export class UsageError extends KientrucError {
  override name = 'UsageError';
}

/**
 * A problem with the user's arguments or machine (a dangerous --out, a full disk, a read-only folder),
 * worded in both languages: exit 2 with one line in the run's `--lang`, never "lỗi nội bộ".
 */
export class UserError extends UsageError {
  override name = 'UserError';
  declare readonly text: Text;
  constructor(text: Text, options?: ErrorOptions) {
    super(text.vi, { ...options, text });
  }
}

/** A broken invariant inside kientruc: exit 2 and ask for a report. */
export class InternalError extends KientrucError {
  override name = 'InternalError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, { ...options, code: 'KIENTRUC_INTERNAL' });
  }
}

/** Error codes of the operating system that describe the user's path or machine, not a bug in kientruc. */
const OS_CAUSES: Readonly<Record<string, { cause: Text; fix: Text }>> = {
  ENOTDIR: {
    cause: text('một phần của đường dẫn là tệp, không phải thư mục', 'part of the path is a file, not a folder'),
    fix: text('Chọn đường dẫn khác, hoặc đổi tên tệp đang chắn đường dẫn.', 'Choose another path, or rename the file in the way.'),
  },
  EISDIR: {
    cause: text('đây là thư mục, không phải tệp', 'it is a folder, not a file'),
    fix: text('Chỉ định một tệp, hoặc chọn tên khác.', 'Name a file, or choose another name.'),
  },
  EEXIST: {
    cause: text('đã có tệp hoặc thư mục cùng tên', 'a file or folder of that name already exists'),
    fix: text('Chọn tên khác, hoặc chuyển tệp đang có đi chỗ khác.', 'Choose another name, or move the existing file away.'),
  },
  EACCES: {
    cause: text('không có quyền truy cập', 'permission denied'),
    fix: text('Kiểm tra quyền của thư mục (ls -ld), hoặc chọn thư mục khác.', 'Check the folder permissions (ls -ld), or choose another folder.'),
  },
  EPERM: {
    cause: text('hệ điều hành không cho phép thao tác này', 'the operating system does not permit this operation'),
    fix: text('Kiểm tra quyền và thuộc tính của thư mục (ls -ld, lsattr), hoặc chọn thư mục khác.', 'Check the folder permissions and attributes (ls -ld, lsattr), or choose another folder.'),
  },
  EROFS: {
    cause: text('hệ thống tệp chỉ cho đọc', 'the file system is read-only'),
    fix: text('Chọn thư mục trên một ổ ghi được.', 'Choose a folder on a writable disk.'),
  },
  ENOSPC: {
    cause: text('hết chỗ trống trên ổ đĩa', 'no space left on the device'),
    fix: text('Giải phóng dung lượng hoặc chọn ổ khác rồi chạy lại; tệp tạm đã được xóa.', 'Free some space or choose another disk, then run again; temporary files were removed.'),
  },
  EDQUOT: {
    cause: text('vượt hạn mức dung lượng của người dùng', 'the disk quota is exceeded'),
    fix: text('Giải phóng dung lượng rồi chạy lại; tệp tạm đã được xóa.', 'Free some space, then run again; temporary files were removed.'),
  },
  ENAMETOOLONG: {
    cause: text('tên tệp hoặc đường dẫn quá dài', 'the file name or path is too long'),
    fix: text('Chọn thư mục có đường dẫn ngắn hơn.', 'Choose a folder with a shorter path.'),
  },
  ELOOP: {
    cause: text('liên kết tượng trưng tạo thành vòng lặp', 'symbolic links form a loop'),
    fix: text('Sửa liên kết tượng trưng trong đường dẫn.', 'Fix the symbolic links in the path.'),
  },
  EBUSY: {
    cause: text('thư mục đang bận (điểm gắn kết hoặc đang được dùng)', 'the folder is busy (a mount point, or in use)'),
    fix: text('Chọn thư mục khác, hoặc ghi vào một thư mục con của điểm gắn kết.', 'Choose another folder, or write into a sub-folder of the mount point.'),
  },
  EXDEV: {
    cause: text('không chuyển được tệp giữa hai ổ đĩa', 'files cannot be moved across devices'),
    fix: text('Chọn thư mục đầu ra trên cùng ổ với thư mục cha của nó.', 'Choose an output folder on the same disk as its parent.'),
  },
  EMFILE: {
    cause: text('mở quá nhiều tệp cùng lúc', 'too many open files'),
    fix: text('Tăng giới hạn (ulimit -n) rồi chạy lại.', 'Raise the limit (ulimit -n), then run again.'),
  },
  EFBIG: {
    cause: text('tệp vượt kích thước hệ thống tệp cho phép', 'the file is larger than the file system allows'),
    fix: text('Chọn ổ có hệ thống tệp khác (không phải FAT32), hoặc tăng giới hạn (ulimit -f).', 'Choose a disk with another file system (not FAT32), or raise the limit (ulimit -f).'),
  },
  EIO: {
    cause: text('lỗi đọc ghi của ổ đĩa', 'an input/output error of the disk'),
    fix: text('Kiểm tra ổ đĩa (dmesg), hoặc chọn ổ khác.', 'Check the disk (dmesg), or choose another disk.'),
  },
  ENXIO: {
    cause: text('không có thiết bị nhận dữ liệu (ống có tên không có bên đọc, socket, thiết bị đã gỡ)', 'no device takes the data (a named pipe with no reader, a socket, a removed device)'),
    fix: text('Chỉ định một tệp thường, hoặc mở bên đọc trước.', 'Name a regular file, or start the reader first.'),
  },
  ENODEV: {
    cause: text('thiết bị không hỗ trợ thao tác này', 'the device does not support this operation'),
    fix: text('Chỉ định một tệp thường trên ổ đĩa.', 'Name a regular file on a disk.'),
  },
  ESTALE: {
    cause: text('thư mục mạng không còn hợp lệ (NFS)', 'the network folder handle is stale (NFS)'),
    fix: text('Gắn kết lại thư mục mạng, hoặc chọn thư mục khác.', 'Mount the network folder again, or choose another folder.'),
  },
  ETXTBSY: {
    cause: text('tệp đang được chạy, không ghi đè được', 'the file is being executed and cannot be overwritten'),
    fix: text('Chọn tên khác.', 'Choose another name.'),
  },
};

/**
 * Codes that describe the user's path only when kientruc was creating a file there: ENOENT on a file
 * being created means its folder cannot hold new files (it does not exist and cannot be made, or the
 * file system makes no files there, as /proc), and EINVAL a name the file system refuses. When kientruc
 * reads its own files, the same codes are a bug, not the user's machine.
 */
const WRITE_CAUSES: Readonly<Record<string, { cause: Text; fix: Text }>> = {
  ENOENT: {
    cause: text(
      'thư mục không nhận tệp mới (thư mục không tồn tại và không tạo được, hoặc hệ thống tệp không cho tạo tệp ở đó)',
      'the folder does not take new files (it does not exist and cannot be created, or its file system makes no files there)',
    ),
    fix: text('Chọn một thư mục ghi được, ví dụ trong thư mục của dự án.', "Choose a writable folder, e.g. inside the project's folder."),
  },
  EINVAL: {
    cause: text('hệ thống tệp không nhận tên này (ký tự như : * ? trên ổ FAT, NTFS)', 'the file system refuses this name (characters such as : * ? on FAT, NTFS)'),
    fix: text('Chọn tên khác, chỉ gồm chữ, số, dấu gạch.', 'Choose another name, of letters, digits and dashes.'),
  },
};

/** The `code` of a Node.js system error (`ENOSPC`…), or undefined for anything else. */
export function osErrorCode(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const code = (err as NodeJS.ErrnoException).code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** Quotes a path for a one-line message: control characters (a newline in a file name) are escaped. */
export function quotePath(path: string): string {
  return JSON.stringify(path);
}

/**
 * The user-facing error for a system error on `path` (as the user should see it), when the code is one
 * that describes the user's machine (ENOSPC, EACCES, EROFS…); undefined for codes that point at a bug.
 */
export function osUserError(err: unknown, path: string | undefined, action: 'write' | 'use' = 'write'): UserError | undefined {
  const code = osErrorCode(err);
  const known = code === undefined ? undefined : (OS_CAUSES[code] ?? (action === 'write' ? WRITE_CAUSES[code] : undefined));
  if (!known || code === undefined) return undefined;
  const where = path === undefined ? '' : ` ${quotePath(path)}`;
  return new UserError(
    action === 'write'
      ? text(`Không ghi được${where}: ${known.cause.vi} (${code}). ${known.fix.vi}`, `Cannot write${where}: ${known.cause.en} (${code}). ${known.fix.en}`)
      : text(`Không dùng được${where}: ${known.cause.vi} (${code}). ${known.fix.vi}`, `Cannot use${where}: ${known.cause.en} (${code}). ${known.fix.en}`),
    { cause: err },
  );
}
