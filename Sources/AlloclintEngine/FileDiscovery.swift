import Foundation

/// A Go file to lint.
struct DiscoveredFile {
    /// Absolute, normalised path.
    var absolutePath: String
    /// Named on the command line (not found by walking a directory).
    var explicit: Bool
    /// Its size in bytes when discovered.
    var size: Int
}

/// Expands command-line paths into Go files: files, directories (recursive), `./...` and
/// `dir/...`. Walks skip `vendor/`, `testdata/` and hidden directories and never follow
/// directory symlinks; anything named explicitly is taken as it is.
struct FileDiscovery {
    var files: [DiscoveredFile] = []
    var errors: [LintError] = []
    private var seen: Set<String> = []

    init(paths: [String]) {
        for argument in paths.isEmpty ? ["."] : paths {
            var path = argument
            if path == "..." { path = "." }
            if path.hasSuffix("/...") { path = String(path.dropLast(4)); if path.isEmpty { path = "/" } }
            let absolute = FileSystem.absolute(path)
            let entry = FileSystem.entry(absolute)
            switch entry.type {
            case .file, .symlinkToFile:
                add(absolute, explicit: true, size: entry.size)
            case .directory, .symlinkToDirectory:
                walk(absolute)
            case .brokenSymlink:
                errors.append(LintError(path: argument, message: "broken symbolic link"))
            case .symlinkLoop:
                errors.append(LintError(path: argument, message: "symbolic link loop"))
            case .missing:
                errors.append(LintError(path: argument, message: "no such file or directory"))
            case .other:
                errors.append(LintError(path: argument, message: "not a regular file or directory"))
            }
        }
    }

    private mutating func add(_ absolute: String, explicit: Bool, size: Int) {
        guard seen.insert(absolute).inserted else { return }
        files.append(DiscoveredFile(absolutePath: absolute, explicit: explicit, size: size))
    }

    /// Iterative depth-first walk with an explicit stack; entries sorted for determinism.
    private mutating func walk(_ root: String) {
        var stack = [root]
        while let directory = stack.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                errors.append(LintError(path: displayPath(directory), message: "cannot read directory: permission denied or vanished"))
                continue
            }
            var subdirectories: [String] = []
            for name in names.sorted() {
                let path = (directory == "/" ? "" : directory) + "/" + name
                let entry = FileSystem.entry(path)
                switch entry.type {
                case .directory:
                    if FileDiscovery.skippedDirectory(name) { continue }
                    subdirectories.append(path)
                case .file, .symlinkToFile:
                    if FileDiscovery.isGoFileName(name) { add(path, explicit: false, size: entry.size) }
                case .brokenSymlink:
                    if name.hasSuffix(".go") { errors.append(LintError(path: displayPath(path), message: "broken symbolic link")) }
                case .symlinkLoop:
                    if name.hasSuffix(".go") { errors.append(LintError(path: displayPath(path), message: "symbolic link loop")) }
                default:
                    continue  // directory symlinks are not followed; sockets and fifos are not Go files
                }
            }
            stack.append(contentsOf: subdirectories.reversed())
        }
    }

    /// The files a directory walk lints: `.go`, not hidden.
    static func isGoFileName(_ name: String) -> Bool {
        name.hasSuffix(".go") && !name.hasPrefix(".")
    }

    /// A `_test.go` file: built only with the package's tests.
    static func isTestFileName(_ name: String) -> Bool {
        name.hasSuffix("_test.go")
    }

    static func skippedDirectory(_ name: String) -> Bool {
        name == "vendor" || name == "testdata" || name.hasPrefix(".") || name.hasPrefix("_")
    }
}

/// A path as it is shown to the user: relative to the working directory when below it.
func displayPath(_ absolute: String) -> String {
    FileSystem.relative(absolute, to: FileSystem.currentDirectory)
}
