import AlloclintAnalysis
import AlloclintSyntax

/// `string-concat-in-loop`: `s += x` or `s = s + x` in a loop body on a local string variable
/// declared outside that loop. Strings are immutable, so every concatenation allocates a new one
/// and copies the whole prefix: quadratic in the final length.
struct StringConcatInLoopRule: Rule {
    static let id = "string-concat-in-loop"
    static let kinds: [NodeKind] = [.assignmentStatement]

    init(options: RuleOptions) {}

    func visit(_ statement: Node, _ context: RuleContext) {
        let file = context.file
        guard let loop = context.enclosingLoop, let body = loop.child(.body),
              let target = grownVariable(statement, file),
              let declaration = file.resolve(target), declaration.kind.isVariable, declaration.kind.isLocal,
              let declared = declaration.nameNode,
              !body.contains(declared),  // declared in the body: starts afresh on every iteration
              file.typeKind(of: declaration) == .string else { return }
        let name = file.tree.text(target)
        context.report(statement, """
            \(name) is grown by concatenation in a loop: each one allocates a new string and copies all of \(name) \
            into it; build it with a strings.Builder
            """)
    }

    /// `s` in `s += x` and in `s = s + …` (s the leftmost operand); nil for anything else.
    private func grownVariable(_ statement: Node, _ file: GoFile) -> Node? {
        guard let op = statement.child(.operator),
              let targets = statement.child(.left)?.namedChildren, targets.count == 1, targets[0].kind == .identifier,
              let values = statement.child(.right)?.namedChildren, values.count == 1 else { return nil }
        if file.tree.textEquals(op, "+=") { return targets[0] }
        guard file.tree.textEquals(op, "=") else { return nil }
        // The leftmost operand of a chain of `+`: ((s + a) + b) starts with s.
        var operand = values[0]
        while true {
            if operand.kind == .parenthesizedExpression, let inner = operand.namedChild(at: 0) {
                operand = inner
            } else if operand.kind == .binaryExpression, let plus = operand.child(.operator), file.tree.textEquals(plus, "+"),
                      let left = operand.child(.left) {
                operand = left
            } else {
                break
            }
        }
        guard operand != values[0], operand.kind == .identifier,
              let read = file.resolve(operand), let written = file.resolve(targets[0]), read.id == written.id else { return nil }
        return targets[0]
    }
}
