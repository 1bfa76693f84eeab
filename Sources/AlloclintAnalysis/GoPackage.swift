import AlloclintSyntax

/// One parsed Go file and what is known about it before any rule runs.
public final class GoFile {
    /// The path used in reports (relative to the working directory where possible).
    public let path: String
    public let tree: SyntaxTree
    /// The language version the file is compiled with (go.mod, `--go-version`, `//go:build go1.N`).
    public let goVersion: GoVersion
    public private(set) weak var package: GoPackage?

    public init(path: String, tree: SyntaxTree, goVersion: GoVersion) {
        self.path = path
        self.tree = tree
        self.goVersion = goVersion
    }

    public var source: SourceText { tree.source }

    fileprivate func attach(to package: GoPackage) { self.package = package }
}

/// The files of one package directory, analysed together so that package-level declarations
/// resolve across files. Analyses are computed on first use and cached here.
public final class GoPackage {
    public let directory: String
    public let files: [GoFile]

    public init(directory: String, files: [GoFile]) {
        self.directory = directory
        self.files = files
        for file in files { file.attach(to: self) }
    }
}
