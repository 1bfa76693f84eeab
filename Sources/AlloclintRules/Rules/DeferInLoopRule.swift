import AlloclintAnalysis
import AlloclintSyntax

/// `defer-in-loop`: a `defer` lexically inside a loop body of the same function (not in a branch
/// the compiler deletes, such as `if debug { … }` with a false constant). Such a defer cannot be
/// open-coded or stack-allocated, so each iteration heap-allocates a defer record, and all of them
/// run only when the function returns.
struct DeferInLoopRule: Rule {
    static let id = "defer-in-loop"
    static let kinds: [NodeKind] = [.deferStatement]

    init(options: RuleOptions) {}

    func visit(_ node: Node, _ context: RuleContext) {
        guard context.enclosingLoop != nil, !context.isInDeadBranch() else { return }

        context.report(node, """
            defer in a loop: every iteration heap-allocates a defer record, and the deferred calls \
            pile up until the function returns; move the loop body into a function (or call the cleanup \
            explicitly at the end of the iteration)
            """)
    }
}
