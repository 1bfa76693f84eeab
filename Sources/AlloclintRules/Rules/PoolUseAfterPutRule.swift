import AlloclintAnalysis
import AlloclintSyntax

/// `pool-use-after-put`: a value (or an alias taken from it before the Put: `x.Bytes()`, `x[:n]`)
/// used after `p.Put(x)`; or returned / captured by a goroutine while `defer p.Put(x)` is pending.
/// Once Put, another goroutine may Get the value and write into it: a data race and corrupted data.
struct PoolUseAfterPutRule: Rule {
    static let id = "pool-use-after-put"
    static let kinds: [NodeKind] = [.callExpression]

    init(options: RuleOptions) {}

    func visit(_ node: Node, _ context: RuleContext) {
        let file = context.file
        guard let call = file.poolCall(node), call.isPut,
              let use = poolFactFunctions(of: context.ancestors, functionIndices: context.functionAncestorIndices).lazy.compactMap({ file.poolFacts(of: $0).usesAfterPut[node.startByte] }).first
        else { return }
        let name = context.text(use.use)
        let message: String
        switch use.kind {
        case .afterPut:
            message = """
                `\(name)` is used after it was put back in the pool: another goroutine may already have it from \
                Get and be writing into it (a data race, corrupted output); finish using it (or copy what you \
                need) before the Put, or reassign it
                """
        case .returnedWithDeferredPut:
            message = """
                returns pooled memory while its Put is deferred: the deferred Put hands the buffer back when the \
                function returns, and the caller then shares it with the next Get; return a copy (string(b), \
                buf.String(), bytes.Clone) or let the caller Put it
                """
        case .goroutineWithDeferredPut:
            message = """
                goroutine uses `\(name)`, whose Put is deferred: the function may return and put it back while \
                the goroutine still uses it (a data race); put it back from the goroutine, or wait for it before \
                returning
                """
        }
        context.report(use.use, message, related: [(node, "the value was returned to the pool here")])
    }
}
