@testable import AlloclintAnalysis
import AlloclintSyntax
import XCTest

/// A file analysed with its package's other files parsed on demand (`PackageContextFiles`) must
/// see the package block a whole parse gives, while parsing only what its lookups reach.
final class PackageContextFilesTests: XCTestCase {
    private let analysed = "package p\n\nfunc use(s *Server) { s.Serve(nil) }\n"
    private let others = [
        "a.go": """
            package p

            import "io"

            type Server struct{ out io.Writer }

            var first, second = 1, 2

            func Log(format string, args ...Any) {}

            func unrelated() {}
            """,
        "b.go": """
            package p

            type Any = interface{}

            func (s *Server) Serve(v any) error { return nil }

            func (o Other) Serve(n int) {}

            type Other int
            """,
    ]

    /// `prepare` runs before the package exists, as in the engine.
    private func packages(preparing prepare: (PackageContextFiles) -> Void = { _ in })
        throws -> (whole: GoPackage, lazy: GoPackage, context: PackageContextFiles, files: [GoFile]) {
        let parser = try GoParser()
        let names = others.keys.sorted()
        let wholeFiles = ([analysed] + names.map { others[$0]! }).enumerated().map { index, text in
            GoFile(path: index == 0 ? "use.go" : names[index - 1], tree: parser.parse(SourceText(text)), goVersion: .newest)
        }
        let context = PackageContextFiles(names.map { name in
            let bytes = Array(others[name]!.utf8)
            return PackageContextFiles.File(path: name, bytes: bytes)
        }, goVersion: { _ in .newest }, parser: parser)
        prepare(context)
        let analysedFile = GoFile(path: "use.go", tree: parser.parse(SourceText(analysed)), goVersion: .newest)
        return (GoPackage(directory: ".", files: wholeFiles), GoPackage(directory: ".", files: [analysedFile], context: context),
                context, wholeFiles + [analysedFile])
    }

    private func describe(_ declaration: Declaration?) -> String {
        guard let declaration, let file = declaration.file, let node = declaration.declNode else { return "none" }
        return "\(declaration.kind) \(declaration.name) in \(file.path): \(file.tree.text(node).prefix(40))"
    }

    func testLookupsAnswerAsWithTheWholePackage() throws {
        try assertLookupsAnswerAsWithTheWholePackage()
    }

    /// Declarations parsed ahead of the lookups (all, none, or the first file's) join the package
    /// block before any name they declare is looked up there.
    func testDeclarationsParsedAheadAnswerAsWithTheWholePackage() throws {
        try assertLookupsAnswerAsWithTheWholePackage { $0.prepare(mentionedIn: Array(self.analysed.utf8), while: { true }) }
        try assertLookupsAnswerAsWithTheWholePackage { $0.prepare(mentionedIn: Array(self.analysed.utf8), while: { false }) }
        var asked = 0
        try assertLookupsAnswerAsWithTheWholePackage { context in
            context.prepare(mentionedIn: Array(self.analysed.utf8), while: {
                asked += 1
                return asked <= 2  // to start, then before the first file
            })
        }
    }

    private func assertLookupsAnswerAsWithTheWholePackage(preparing prepare: (PackageContextFiles) -> Void = { _ in },
                                                          line: UInt = #line) throws {
        let (whole, lazy, context, files) = try packages(preparing: prepare)
        try withExtendedLifetime((context, files)) {
            for name in ["Server", "first", "second", "Log", "Any", "Other", "unrelated", "use", "missing", "int"] {
                XCTAssertEqual(describe(lazy.scope.lookup(name)), describe(whole.scope.lookup(name)), name, line: line)
            }
            for (type, method) in [("Server", "Serve"), ("Other", "Serve"), ("Server", "missing")] {
                XCTAssertEqual(describe(lazy.scope.method(named: method, ofType: type)),
                               describe(whole.scope.method(named: method, ofType: type)), "\(type).\(method)", line: line)
            }
            for name in ["Serve", "Log", "unrelated", "use"] {
                XCTAssertEqual(lazy.scope.hasEmptyInterfaceParameter(named: Array(name.utf8)[...]),
                               whole.scope.hasEmptyInterfaceParameter(named: Array(name.utf8)[...]), name, line: line)
            }
            XCTAssertTrue(lazy.scope.hasEmptyInterfaceParameter(named: Array("Log".utf8)[...]), "through the alias Any", line: line)
            let declaration = try XCTUnwrap(lazy.scope.lookup("Server"))
            XCTAssertTrue(declaration.file?.package === lazy, "a file parsed on demand joins the package", line: line)
            XCTAssertEqual(lazy.scope.importPath("io", in: try XCTUnwrap(declaration.file)), "io", line: line)
        }
    }

    func testOnlyWhatIsLookedUpIsParsed() throws {
        let (_, lazy, context, files) = try packages()
        try withExtendedLifetime((context, files)) {
            let server = try XCTUnwrap(lazy.scope.lookup("Server")?.file)
            var topLevel: [String] = []
            server.tree.root.forEachChild { if $0.isNamed { topLevel.append(server.tree.text($0).components(separatedBy: " ")[0]) } }
            XCTAssertEqual(topLevel, ["package", "import", "type"], "the type, its file's package clause and imports")
            XCTAssertNotNil(lazy.scope.method(named: "Serve", ofType: "Server"), "a method is parsed when it is looked up")
        }
    }
}
