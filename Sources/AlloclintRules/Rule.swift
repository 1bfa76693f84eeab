import AlloclintAnalysis
import AlloclintSyntax

/// One lint rule. A rule is one Swift file; its documentation lives in `rules/<id>/rule.yaml`.
///
/// The runner walks each file once and calls `visit` for every node whose kind is in `kinds`
/// (never inside ERROR nodes). `check(file:)` runs once per file before the walk, for rules that
/// look at the file as a whole.
public protocol Rule {
    /// The catalogue id (kebab-case), e.g. `defer-in-loop`.
    static var id: String { get }
    /// Node kinds `visit` is called for.
    static var kinds: [NodeKind] { get }
    /// `options` holds the catalogue defaults overridden by the configuration.
    init(options: RuleOptions)
    func check(file context: RuleContext)
    func visit(_ node: Node, _ context: RuleContext)
}

extension Rule {
    public static var kinds: [NodeKind] { [] }
    public func check(file context: RuleContext) {}
    public func visit(_ node: Node, _ context: RuleContext) {}
}

/// A finding as a rule reports it: byte ranges in the current file.
public struct RuleFinding {
    public var ruleID: String
    public var message: String
    public var range: Range<Int>
    public var related: [(range: Range<Int>, message: String)]
    public var fix: Fix?
}

/// What a rule sees of the file being checked, and where it reports.
public final class RuleContext {
    public let file: GoFile
    /// What encloses the node being visited, kept by the runner's walk.
    var enclosing = EnclosingContext()
    /// The ancestors of the node being visited, root first, parent last (not the node itself).
    public var ancestors: [Node] { enclosing.ancestors }
    /// The indices in `ancestors` of function declarations, methods and func literals, innermost last.
    public var functionAncestorIndices: [Int] { enclosing.functionIndices }
    /// The innermost `for` statement whose body encloses the node within its function.
    public var enclosingLoop: Node? { enclosing.enclosingLoop }
    /// Whether the node sits, within its function, in a branch the compiler deletes.
    public func isInDeadBranch() -> Bool { enclosing.isInDeadBranch(file) }
    public private(set) var findings: [RuleFinding] = []
    var currentRuleID = ""

    public init(file: GoFile) { self.file = file }

    public var tree: SyntaxTree { file.tree }
    public var source: SourceText { file.source }
    public var goVersion: GoVersion { file.goVersion }
    public var package: GoPackage? { file.package }

    public func text(_ node: Node) -> String { file.tree.text(node) }

    /// Reports a finding of the running rule at `node` (its full range).
    public func report(_ node: Node, _ message: String, related: [(node: Node, message: String)] = [], fix: Fix? = nil) {
        report(range: node.byteRange, message, related: related.map { ($0.node.byteRange, $0.message) }, fix: fix)
    }

    public func report(range: Range<Int>, _ message: String, related: [(range: Range<Int>, message: String)] = [], fix: Fix? = nil) {
        findings.append(RuleFinding(ruleID: currentRuleID, message: message, range: range, related: related, fix: fix))
    }
}
