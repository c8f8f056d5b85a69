import { text, type Text } from './text.js';

/** Base of every error kientruc throws on purpose. Problems in user YAML are diagnostics, not errors. */
export class KientrucError extends Error {
  override name = 'KientrucError';
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
  constructor(
    readonly text: Text,
    options?: ErrorOptions,
  ) {
    super(text.vi, options);
  }
}

/** A broken invariant inside kientruc: exit 2 and ask for a report. */
export class InternalError extends KientrucError {
  override name = 'InternalError';
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
  const known = code === undefined ? undefined : OS_CAUSES[code];
  if (!known || code === undefined) return undefined;
  const where = path === undefined ? '' : ` ${quotePath(path)}`;
  return new UserError(
    action === 'write'
      ? text(`Không ghi được${where}: ${known.cause.vi} (${code}). ${known.fix.vi}`, `Cannot write${where}: ${known.cause.en} (${code}). ${known.fix.en}`)
      : text(`Không dùng được${where}: ${known.cause.vi} (${code}). ${known.fix.vi}`, `Cannot use${where}: ${known.cause.en} (${code}). ${known.fix.en}`),
    { cause: err },
  );
}
