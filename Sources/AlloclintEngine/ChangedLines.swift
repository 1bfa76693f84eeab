import Foundation

/// The lines added or changed since a git revision (`--new-from-rev`), by absolute path: the hunks
/// of `git diff --unified=0 REV` (the working tree, staged or not, against REV) plus untracked,
/// not ignored files, which are new in full. Deleted lines mark nothing: a finding is kept only if
/// the line it is reported at is new.
public struct ChangedLines: Sendable {
    /// What changed in one file.
    public enum FileChanges: Sendable {
        /// An untracked file: every line is new.
        case wholeFile
        /// New-side line numbers of the hunks.
        case lines(IndexSet)

        public func contains(line: Int) -> Bool {
            switch self {
            case .wholeFile: return true
            case .lines(let lines): return lines.contains(line)
            }
        }
    }

    /// By canonical absolute path.
    private var files: [String: FileChanges] = [:]

    /// The changes in `absolutePath`; nil when it has no added or changed line.
    public func changes(in absolutePath: String) -> FileChanges? {
        files[absolutePath] ?? files[FileSystem.resolvingSymlinks(absolutePath)]
    }

    /// Asks git, in the repository containing `directory`, what changed since `revision`.
    public static func since(_ revision: String, in directory: String) throws(LintError) -> ChangedLines {
        let flag = "--new-from-rev"
        guard let top = try Git.run(["rev-parse", "--show-toplevel"], in: directory) else {
            throw LintError(message: "\(flag): \(directory) is not inside a git repository")
        }
        let root = FileSystem.resolvingSymlinks(top.trimmingCharacters(in: .newlines))
        // Resolved to a commit id first, so that the revision can never be read as an option.
        guard !revision.hasPrefix("-"),
              let commit = try Git.run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: root) else {
            throw LintError(message: "\(flag): unknown revision \"\(revision)\"")
        }
        let diffArguments = ["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
                             "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", commit.trimmingCharacters(in: .newlines), "--"]
        guard let diff = try Git.run(diffArguments, in: root) else { throw LintError(message: "\(flag): git diff failed") }
        guard let untracked = try Git.run(["ls-files", "--others", "--exclude-standard", "-z"], in: root) else {
            throw LintError(message: "\(flag): git ls-files failed")
        }
        var changes = ChangedLines(diff: diff, root: root)
        for path in untracked.split(separator: "\0") { changes.files[root + "/" + path] = .wholeFile }
        return changes
    }

    /// Reads the hunks of a `git diff --unified=0` with `a/` and `b/` prefixes; paths are relative
    /// to `root`.
    init(diff: String, root: String) {
        var hunks: [String: IndexSet] = [:]
        var file: String?
        var oldLeft = 0, newLeft = 0  // lines of the current hunk still to skip: content, not headers
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            if oldLeft > 0 || newLeft > 0 {
                if line.hasPrefix("-") { oldLeft -= 1 } else if line.hasPrefix("+") { newLeft -= 1 }
                continue
            }
            if line.hasPrefix("+++ ") {
                file = ChangedLines.newSidePath(line.dropFirst(4)).map { root + "/" + $0 }
            } else if line.hasPrefix("@@ "), let (start, count, removed) = ChangedLines.hunkHeader(line) {
                oldLeft = removed
                newLeft = count
                if let file, count > 0 { hunks[file, default: IndexSet()].insert(integersIn: start..<start + count) }
            }
        }
        files = hunks.mapValues { .lines($0) }
    }

    /// `b/path` (with git's trailing tab after names with spaces) or `"b/quoted\tpath"`; nil for
    /// `/dev/null` (a deleted file).
    static func newSidePath(_ field: Substring) -> String? {
        var name = field.hasPrefix("\"") ? unquote(field) : String(field.hasSuffix("\t") ? field.dropLast() : field)
        guard name.hasPrefix("b/") else { return nil }
        name.removeFirst(2)
        return name
    }

    /// `@@ -a[,b] +c[,d] @@`: the first new line, the number of new lines and of removed lines.
    static func hunkHeader(_ line: Substring) -> (start: Int, count: Int, removed: Int)? {
        let fields = line.split(separator: " ")
        guard fields.count >= 3, fields[1].hasPrefix("-"), fields[2].hasPrefix("+") else { return nil }
        func range(_ field: Substring) -> (Int, Int)? {
            let parts = field.dropFirst().split(separator: ",")
            guard let start = parts.first.flatMap({ Int($0) }) else { return nil }
            return (start, parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
        }
        guard let old = range(fields[1]), let new = range(fields[2]) else { return nil }
        return (new.0, new.1, old.1)
    }

    /// A C-style quoted name as git writes it: `\"`, `\\`, `\t`, `\n` and octal bytes.
    static func unquote(_ quoted: Substring) -> String {
        var bytes: [UInt8] = []
        var input = Array(quoted.utf8.dropFirst())
        if input.last == UInt8(ascii: "\"") { input.removeLast() }
        var index = 0
        while index < input.count {
            let byte = input[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < input.count else { bytes.append(byte); continue }
            let escaped = input[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(escaped - UInt8(ascii: "0"))
                for _ in 0..<2 where index < input.count && (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(input[index]) {
                    value = value * 8 + Int(input[index] - UInt8(ascii: "0"))
                    index += 1
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
            case UInt8(ascii: "t"): bytes.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "n"): bytes.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): bytes.append(UInt8(ascii: "\r"))
            case UInt8(ascii: "a"): bytes.append(7)
            case UInt8(ascii: "b"): bytes.append(8)
            case UInt8(ascii: "f"): bytes.append(12)
            case UInt8(ascii: "v"): bytes.append(11)
            default: bytes.append(escaped)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Runs git and returns its standard output, or nil when git exits with a non-zero status.
enum Git {
    static func run(_ arguments: [String], in directory: String) throws(LintError) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw LintError(message: "--new-from-rev: cannot run git: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw LintError(message: "--new-from-rev: git is not installed (not found on PATH)") }
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
