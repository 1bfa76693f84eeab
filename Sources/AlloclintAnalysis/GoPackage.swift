import AlloclintSyntax
import Foundation

/// One parsed Go file and what is known about it before any rule runs.
public final class GoFile {
    /// The path used in reports (relative to the working directory where possible).
    public let path: String
    public let tree: SyntaxTree
    /// The language version the file is compiled with (go.mod, `--go-version`, `//go:build go1.N`).
    public let goVersion: GoVersion
    /// The package directory the file belongs to. Held strongly (the package holds its files
    /// weakly), so `GoPackage(directory:files:)` may be created and dropped: it lives as long as
    /// its files.
    public private(set) var package: GoPackage?
    /// Per-file analyses (scopes, resolution, types, pool facts), created on first use.
    var analysisStorage: FileAnalysis?
    /// The package block of a file analysed without a package.
    var standalonePackageScope: PackageScope?

    public init(path: String, tree: SyntaxTree, goVersion: GoVersion) {
        self.path = path
        self.tree = tree
        self.goVersion = goVersion
    }

    public var source: SourceText { tree.source }

    /// Joins `package`. Analyses made in another package (an overlay: see
    /// `GoPackage.replacing(_:with:)`) are dropped: they may hold nodes of a tree that is gone.
    fileprivate func attach(to package: GoPackage) {
        if self.package !== package { analysisStorage = nil }
        self.package = package
    }
}

/// The files of one package directory, analysed together so that package-level declarations
/// resolve across files. Analyses are computed on first use and cached here.
public final class GoPackage {
    public let directory: String
    /// The import path, when the package is in a Go module (nil for a file linted alone).
    public let importPath: String?
    private let fileReferences: [WeakFile]
    /// The package's files that are still alive (all of them while any is being linted).
    public var files: [GoFile] { fileReferences.compactMap(\.file) }

    private struct WeakFile { weak var file: GoFile? }

    /// The package block, built on first use (thread-safe: files of one package may be linted
    /// by different workers).
    private var scopeStorage: PackageScope?
    private let scopeLock = NSLock()

    public var scope: PackageScope {
        scopeLock.lock()
        defer { scopeLock.unlock() }
        if let scopeStorage { return scopeStorage }
        let built = PackageScope(files: files, context: context)
        scopeStorage = built
        return built
    }

    /// The other packages of the Go module, for analyses that follow a call into one of them.
    /// Weak: whoever creates the module's packages keeps them for the run.
    public private(set) weak var modulePackages: ModulePackages?
    /// The package's other files, parsed as the scope asks for their declarations (see
    /// `PackageContextFiles`). Weak, as `modulePackages`.
    private weak var context: PackageContextFiles?

    public init(directory: String, files: [GoFile], modulePackages: ModulePackages? = nil, importPath: String? = nil,
                context: PackageContextFiles? = nil) {
        self.directory = directory
        self.importPath = importPath
        self.fileReferences = files.map { WeakFile(file: $0) }
        self.modulePackages = modulePackages
        self.context = context
        context?.package = self
        for file in files { file.attach(to: self) }
    }

    /// A file of `context` parsed on demand joins the package.
    func adopt(_ file: GoFile) { file.attach(to: self) }

    /// This package with `contextFile` (parsed without function bodies) replaced by `file`, the
    /// same text parsed whole, for linting `file` while the other files keep only their
    /// declarations: a large package is checked one file at a time, and only one whole tree is
    /// alive. Its files join the new package (their analyses are made again); its scope overlays
    /// this one's, in time independent of the package's size.
    public func replacing(_ contextFile: GoFile, with file: GoFile) -> GoPackage {
        let package = GoPackage(directory: directory, files: files.map { $0 === contextFile ? file : $0 },
                                modulePackages: modulePackages, importPath: importPath)
        package.scopeStorage = PackageScope(overlaying: scope, replacing: contextFile, with: file)
        return package
    }
}

/// The packages of one Go module other than the linted one, by import path, read on demand (the
/// engine supplies `load`: the directory and files of the package at an import path of the module,
/// nil when the path is outside it). A package's files are only outlined; its declarations are
/// parsed, with `parser`, as they are looked up. Not thread-safe: one per worker thread.
public final class ModulePackages {
    public struct Loaded {
        public var directory: String
        public var files: [PackageContextFiles.File]
        public var goVersion: GoVersion

        public init(directory: String, files: [PackageContextFiles.File], goVersion: GoVersion) {
            self.directory = directory
            self.files = files
            self.goVersion = goVersion
        }
    }

    private let load: (String) -> Loaded?
    private let parser: GoParser
    private var packages: [String: GoPackage] = [:]
    private var unavailable: Set<String> = []
    /// Hold the files parsed so far: a package holds its context weakly.
    private var contexts: [PackageContextFiles] = []
    /// The size of the loaded files' source.
    public private(set) var loadedBytes = 0

    public init(parser: GoParser, load: @escaping (String) -> Loaded?) {
        self.parser = parser
        self.load = load
    }

    /// The package at `importPath` if it belongs to the module.
    public func package(importPath: String) -> GoPackage? {
        if let package = packages[importPath] { return package }
        guard !unavailable.contains(importPath), let loaded = load(importPath), !loaded.files.isEmpty else {
            unavailable.insert(importPath)
            return nil
        }
        let version = loaded.goVersion
        let context = PackageContextFiles(loaded.files, goVersion: { _ in version }, parser: parser)
        let package = GoPackage(directory: loaded.directory, files: [], modulePackages: self, importPath: importPath,
                                context: context)
        packages[importPath] = package
        contexts.append(context)
        loadedBytes += loaded.files.reduce(0) { $0 + $1.bytes.count }
        return package
    }
}
