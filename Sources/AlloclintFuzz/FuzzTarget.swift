import AlloclintAnalysis
import AlloclintEngine
import AlloclintReporters
import AlloclintRules
import AlloclintSyntax

/// One fuzz execution: the whole in-process pipeline on one input — the engine with every rule
/// and the safe fixes, every reporter, and every public analysis query on every node (so the analysis layer is
/// exercised beyond what today's rules ask of it). Crashes and hangs are caught by `CrashGuard`;
/// broken invariants are returned.
struct FuzzTarget {
    let catalogue: [RuleDescription]
    let parser: GoParser

    static let literalDepthLimit = 8
    static let typedNodesLimit = 20_000

    init() throws {
        catalogue = try Catalogue.all()
        parser = try GoParser()
    }

    /// A violated invariant, or nil.
    func execute(_ bytes: [UInt8], goVersion: GoVersion) -> String? {
        var options = LintOptions()
        options.useConfig = false
        options.stdin = bytes
        options.goVersion = goVersion
        options.jobs = 1
        options.fixMode = .diff  // computes the fixed sources in rounds, writes nothing
        let result: LintResult
        do {
            result = try Linter(options: options).run()
        } catch {
            return "the engine refused an input: \(error)"
        }
        var context = ReportContext(catalogue: catalogue)
        for format in OutputFormat.allCases {
            for color in [false, true] where color == false || format == .text {
                context.color = color
                _ = format.reporter.render(result, context)
            }
        }
        for file in result.fixedFiles { _ = UnifiedDiff.render(path: file.path, original: file.original, fixed: file.fixed) }
        let tree = parser.parse(SourceText(bytes: bytes))
        if let broken = brokenInvariant(result, tree) { return broken }
        exerciseAnalysis(tree, goVersion: goVersion)
        return nil
    }

    /// Findings lie within the (fixed) input, and a file that does not parse has a syntax-error
    /// finding (unless the input itself carries a suppression comment).
    private func brokenInvariant(_ result: LintResult, _ tree: SyntaxTree) -> String? {
        if !result.errors.isEmpty { return "errors for in-memory input: \(result.errors)" }
        // With fixes applied (in memory), findings are positions in the fixed source.
        let size = result.fixedFiles.first?.fixed.count ?? tree.source.bytes.count
        var spans: [(what: String, start: Int, end: Int)] = []
        for finding in result.findings {
            guard finding.range.start.line >= 1, finding.range.start.column >= 1 else {
                return "\(finding.ruleID): position \(finding.range.start) is not 1-based"
            }
            spans.append((finding.ruleID, finding.range.start.offset, finding.range.end.offset))
            spans += finding.related.map { (finding.ruleID + " related location", $0.range.start.offset, $0.range.end.offset) }
            spans += (finding.fix?.edits ?? []).map { (finding.ruleID + " fix", $0.range.lowerBound, $0.range.upperBound) }
        }
        for span in spans where !(0 <= span.start && span.start <= span.end && span.end <= size) {
            return "\(span.what): bytes \(span.start)..<\(span.end) outside the input (\(size) bytes)"
        }
        // Not `hasError`: the grammar marks some valid files (`type T s` with no final newline)
        // with an invisible MISSING token, and those are rightly not syntax errors.
        if !tree.parsesCleanly, !result.findings.contains(where: { $0.ruleID == "syntax-error" }),
           !containsSuppression(tree.source.bytes) {
            return "the input does not parse but has no syntax-error finding"
        }
        return nil
    }

    private func containsSuppression(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains("alloclint:") || text.contains("nolint")
    }

    /// Resolves every identifier, types every node, and asks for the free variables of func
    /// literals — the queries rules make, on every node rather than on the ones rules pick.
    /// `freeVariables` walks the whole literal, so asking it of every literal in a deep nest of
    /// literals is quadratic: only the outer `literalDepthLimit` levels are asked, as rules would.
    private func exerciseAnalysis(_ tree: SyntaxTree, goVersion: GoVersion) {
        let file = GoFile(path: "fuzz.go", tree: tree, goVersion: goVersion)
        let package = GoPackage(directory: "fuzz", files: [file])
        // Typing a node costs up to `typeDepthLimit` steps: on huge inputs, type a sample of the
        // nodes (spread over the whole tree) to keep an execution within seconds.
        var namedNodes = 0
        tree.root.walk { node in
            if node.isNamed { namedNodes += 1 }
            return .visitChildren
        }
        let typingStride = max(1, namedNodes / FuzzTarget.typedNodesLimit)
        var literalDepth = 0
        var named = 0
        tree.root.walk(visit: { node in
            let kind = node.kind
            if kind == .identifier || kind == .typeIdentifier || kind == .packageIdentifier {
                if let declaration = file.resolve(node) { _ = file.typeKind(of: declaration) }
            } else if kind == .funcLiteral {
                if literalDepth < FuzzTarget.literalDepthLimit { _ = file.freeVariables(of: node) }
                literalDepth += 1
            }
            if node.isNamed {
                named += 1
                guard named % typingStride == 0 else { return .visitChildren }
                let type = file.type(of: node)
                _ = file.layout(of: type)
                _ = file.fieldType(of: type, named: "f")
                _ = file.methodOwner(of: type, named: "Put")
            }
            return .visitChildren
        }, descend: { _ in }, ascend: { node in
            if node.kind == .funcLiteral { literalDepth -= 1 }
        })
        file.forEachReference(in: tree.root) { _, _ in }
        withExtendedLifetime(package) {}
    }
}
