import AlloclintSyntax

/// The other files of a package when they are parsed a few declarations at a time, as the package
/// block first looks up a name they declare (`PackageContext`): an editor's file refers to a small
/// part of its package, and the editor waits. Each hand-out is parsed into a file of its own (the
/// declarations, the package clause and the imports), which joins the package. While the file's
/// own parse runs, the declarations it names can be parsed ahead (`prepare`). Used by the one
/// thread that analyses the package.
public final class PackageContextFiles {
    public struct File {
        /// As reported.
        public let path: String
        public let bytes: [UInt8]
        public let outline: TopLevelOutline

        /// Outlines `bytes` (the light lexer: no tree).
        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
            outline = TopLevelOutline(bytes)
        }
    }

    private let files: [File]
    /// The language version of a file, from its text (build constraints).
    private let goVersion: ([UInt8]) -> GoVersion
    /// Made on the first hand-out of each file, shared by its trees.
    private var sources: [(text: SourceText, goVersion: GoVersion)?]
    private let context: PackageContext
    private let parser: GoParser
    /// Every file made so far: the package holds its files weakly.
    private var parsed: [GoFile] = []
    /// Parsed ahead (`prepare`), given with the next hand-out.
    private var prepared: [GoFile] = []
    weak var package: GoPackage?

    public init(_ files: [File], goVersion: @escaping ([UInt8]) -> GoVersion, parser: GoParser) {
        self.files = files
        self.goVersion = goVersion
        sources = Array(repeating: nil, count: files.count)
        context = PackageContext(files.map(\.outline))
        self.parser = parser
    }

    /// Parses, a file at a time while `proceed` holds, the declarations of the names `bytes`
    /// mentions: most of what the analysis of that text looks up. For a caller with a core to
    /// spare, before the analysis starts.
    public func prepare(mentionedIn bytes: [UInt8], while proceed: () -> Bool) {
        guard proceed() else { return }
        let names = TopLevelOutline.names(in: bytes)
        var index = 0
        while index < context.fileCount && proceed() {
            if let handedOut = context.take(declaringAnyOf: names, inFile: index) { prepared += parse([handedOut]) }
            index += 1
        }
    }

    /// The functions, variables, constants and types called `name` not given before. What was
    /// parsed ahead comes with the first hand-out, so that every declaration of a name is in the
    /// package block before the name is looked up there.
    func files(declaring name: String) -> [GoFile] { withPrepared(parse(context.take(declaring: name))) }

    /// The methods `name` of the type called `type` not given before (and what was parsed ahead).
    func files(declaringMethod name: String, ofType type: String) -> [GoFile] {
        withPrepared(parse(context.take(method: name, ofType: type)))
    }

    /// The methods called `name` not given before (and what was parsed ahead).
    func files(declaringMethodsNamed name: String) -> [GoFile] { withPrepared(parse(context.take(methodsNamed: name))) }

    /// Given to the package block, the files join the package (there may be none yet when they
    /// are parsed ahead).
    private func withPrepared(_ files: [GoFile]) -> [GoFile] {
        defer { prepared = [] }
        let given = prepared + files
        for file in given { package?.adopt(file) }
        return given
    }

    private func parse(_ handedOut: [PackageContext.Ranges]) -> [GoFile] {
        handedOut.map { index, ranges in
            let file = files[index]
            let source = sources[index] ?? (SourceText(bytes: file.bytes), goVersion(file.bytes))
            sources[index] = source
            let goFile = GoFile(path: file.path, tree: parser.parse(source.text, ranges: ranges), goVersion: source.goVersion)
            parsed.append(goFile)
            return goFile
        }
    }
}
