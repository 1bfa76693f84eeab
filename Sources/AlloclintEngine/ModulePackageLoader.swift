import AlloclintAnalysis
import AlloclintSyntax
import Foundation

/// Reads the other packages of a linted package's Go module, for analyses that follow a call into
/// them (`GoPackage.modulePackages`): an import path under the `module` path of the nearest go.mod
/// names the directory below it. Non-test files only, read and outlined: a declaration is parsed
/// when an analysis looks up its name (`PackageContextFiles`), and a body when it reads one; a
/// directory of a nested module is not this module's.
struct ModulePackageLoader {
    let root: String
    let modulePath: String
    let versions: GoVersionResolver

    /// The module around `directory` (absolute): the nearest go.mod that has a `module` line.
    init?(enclosing directory: String, versions: GoVersionResolver) {
        var current = directory
        while true {
            if let bytes = try? FileSystem.read(current + "/go.mod") {
                guard let path = ModulePackageLoader.moduleDirective(in: String(decoding: bytes, as: UTF8.self)) else { return nil }
                (root, modulePath, self.versions) = (current, path, versions)
                return
            }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return nil }
            current = parent
        }
    }

    /// The path of a go.mod's `module` line (quotes removed).
    static func moduleDirective(in goMod: String) -> String? {
        for line in goMod.split(whereSeparator: \.isNewline) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count >= 2, words[0] == "module" { return words[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"`")) }
        }
        return nil
    }

    /// The directory, outlined files and language version of the package at `importPath`, nil
    /// outside the module.
    func load(_ importPath: String) -> ModulePackages.Loaded? {
        guard let directory = directory(of: importPath),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        var files: [PackageContextFiles.File] = []
        for name in names.sorted() where FileDiscovery.isGoFileName(name) && !FileDiscovery.isTestFileName(name) {
            let path = directory + "/" + name
            let type = FileSystem.entryType(path)
            guard type == .file || type == .symlinkToFile, let bytes = try? FileSystem.read(path),
                  !FileHeader(bytes).commentLines.contains("//go:build ignore") else { continue }
            files.append(PackageContextFiles.File(path: displayPath(path), bytes: bytes))
        }
        return ModulePackages.Loaded(directory: directory, files: files, goVersion: versions.version(forDirectory: directory))
    }

    /// The standard library's go.mod says `module std`, and its import paths carry no prefix
    /// (`sort`, `crypto/internal/boring`).
    private var isStandardLibrary: Bool { modulePath == "std" }

    /// The import path of the package in `directory` (absolute), nil outside the module.
    func importPath(ofDirectory directory: String) -> String? {
        guard directory == root || directory.hasPrefix(root + "/") else { return nil }
        let relative = directory.dropFirst(root.count).drop { $0 == "/" }
        if isStandardLibrary { return relative.isEmpty ? nil : String(relative) }
        return relative.isEmpty ? modulePath : modulePath + "/" + relative
    }

    /// `root` and the path's elements below the module path, when no directory on the way down
    /// holds a go.mod of its own (a nested module). In the standard library, a path whose first
    /// element has no dot (others are modules of their own, vendored).
    private func directory(of importPath: String) -> String? {
        let below: Substring
        if isStandardLibrary {
            guard let first = importPath.split(separator: "/").first, !first.contains(".") else { return nil }
            below = importPath[...]
        } else {
            guard importPath == modulePath || importPath.hasPrefix(modulePath + "/") else { return nil }
            below = importPath.dropFirst(modulePath.count)
        }
        var directory = root
        for element in below.split(separator: "/") {
            if FileDiscovery.skippedDirectory(String(element)) { return nil }
            directory += "/" + element
            if FileSystem.exists(directory + "/go.mod") { return nil }
        }
        return directory
    }
}
