import AlloclintAnalysis
import AlloclintSyntax

/// Runs a set of rules over files with one tree walk per file, dispatching each node by its
/// symbol id to the rules registered for that kind.
public final class RuleRunner {
    private let rules: [(id: String, rule: any Rule)]
    /// For each symbol id, the indices into `rules` of the rules that want that kind.
    private let dispatch: [[Int]]

    /// `options` maps rule ids to their options; rules absent from it get the catalogue defaults.
    public init(ruleTypes: [any Rule.Type], options: [String: RuleOptions]) {
        rules = ruleTypes.map { ($0.id, $0.init(options: options[$0.id] ?? RuleOptions())) }
        var table = [[Int]](repeating: [], count: GoGrammar.symbolCount)
        for (index, type) in ruleTypes.enumerated() {
            for kind in type.kinds where Int(kind.id) < table.count { table[Int(kind.id)].append(index) }
        }
        dispatch = table
    }

    /// Checks one file (whose package, if any, is already attached) and returns its findings.
    public func run(_ file: GoFile) -> [RuleFinding] {
        let context = RuleContext(file: file)
        for (id, rule) in rules {
            context.currentRuleID = id
            rule.check(file: context)
        }
        let dispatch = self.dispatch
        file.tree.root.walk(enter: { node in
            for index in dispatch[Int(node.kind.id)] {
                context.currentRuleID = rules[index].id
                rules[index].rule.visit(node, context)
            }
            context.ancestors.append(node)
            return .visitChildren
        }, leave: { _ in
            context.ancestors.removeLast()
        })
        return context.findings
    }

    /// Only parses and walks: the floor the full run is measured against (`--parse-only`).
    public static func walkOnly(_ tree: SyntaxTree) -> Int {
        var count = 0
        tree.root.walk { _ in count += 1; return .visitChildren }
        return count
    }
}
