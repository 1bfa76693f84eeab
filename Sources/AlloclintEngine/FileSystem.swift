import Foundation

/// Small POSIX helpers: stat without following links, whole-file reads in one call.
public enum FileSystem {
    /// `other`: fifos, sockets, devices, and symbolic links to them — never opened, since
    /// reading a fifo can block forever.
    enum EntryType { case file, directory, symlinkToDirectory, symlinkToFile, brokenSymlink, symlinkLoop, other, missing }

    static func entryType(_ path: String) -> EntryType { entry(path).type }

    /// The type of the entry at `path` and, for a file or a symbolic link to one, the file's size.
    static func entry(_ path: String) -> (type: EntryType, size: Int) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return (.missing, 0) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return (.file, Int(info.st_size))
        case S_IFDIR: return (.directory, 0)
        case S_IFLNK:
            var target = stat()
            guard stat(path, &target) == 0 else { return (errno == ELOOP ? .symlinkLoop : .brokenSymlink, 0) }
            switch target.st_mode & S_IFMT {
            case S_IFDIR: return (.symlinkToDirectory, 0)
            case S_IFREG: return (.symlinkToFile, Int(target.st_size))
            default: return (.other, 0)
            }
        default: return (.other, 0)
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// The whole file, read with one `read` call for files of known size. Only regular files are
    /// read: the path may have been replaced (by a fifo, a directory) since it was discovered.
    static func read(_ path: String) throws(LintError) -> [UInt8] {
        // O_NONBLOCK: opening a fifo must not wait for a writer; it has no effect on regular files.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw LintError(path: path, message: "cannot read: \(errnoDescription())") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LintError(path: path, message: "cannot read: \(errnoDescription())") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw LintError(path: path, message: "cannot read: is a directory")
        default: throw LintError(path: path, message: "cannot read: not a regular file")
        }
        var bytes = [UInt8]()
        var capacity = max(Int(info.st_size), 0) + 1
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: capacity)); capacity *= 2 }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw LintError(path: path, message: "cannot read: \(errnoDescription())")
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same directory, flushed to
    /// disk, then renamed over `path` — a reader (or a run interrupted half-way) never sees a
    /// truncated file. An existing file keeps its permissions.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(LintError) {
        let (directory, name) = split(absolute(path))
        let temporary = directory + "/.\(name).alloclint-\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let given = split(path).directory
            let reason = errno == ENOENT ? "no such directory \(given.isEmpty ? "." : given)" : errnoDescription()
            throw LintError(path: path, message: "cannot write: \(reason)")
        }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                let message = errnoDescription()
                close(fd); unlink(temporary)
                throw LintError(path: path, message: "cannot write: \(message)")
            }
            written += result
        }
        var existing = stat()
        if stat(path, &existing) == 0 { fchmod(fd, existing.st_mode & 0o7777) }
        guard fsync(fd) == 0 || errno == EINVAL, close(fd) == 0 else {
            unlink(temporary)
            throw LintError(path: path, message: "cannot write: \(errnoDescription())")
        }
        guard rename(temporary, path) == 0 else {
            let message = errnoDescription()
            unlink(temporary)
            throw LintError(path: path, message: "cannot write: \(message)")
        }
    }

    /// The directory part and the last component of `path`, split at its last `/`. (NSString's
    /// path methods trap on some relative paths in swift-corelibs-foundation, e.g. "a" and ".".)
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    static func errnoDescription() -> String { String(cString: strerror(errno)) }

    static var currentDirectory: String { FileManager.default.currentDirectoryPath }

    /// The file a path names, through symbolic links (so that replacing it keeps the link); the
    /// path itself when it cannot be resolved.
    static func resolvingSymlinks(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` made absolute against the working directory, with `.` and `..` folded.
    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to `base` when it lies below it, else absolute.
    static func relative(_ path: String, to base: String) -> String {
        if path == base { return "." }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
