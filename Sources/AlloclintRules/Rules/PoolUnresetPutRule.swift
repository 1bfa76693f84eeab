import AlloclintAnalysis
import AlloclintSyntax

/// `pool-unreset-put`: a value taken from `p.Get()` in the function, modified (append, Write*,
/// Fprintf, a field or map store) and put back with no reset anywhere between the Get and the Put.
/// The next Get hands out the old contents (and the pool keeps whatever they reference alive).
struct PoolUnresetPutRule: Rule {
    static let id = "pool-unreset-put"
    static let kinds: [NodeKind] = [.callExpression]

    init(options: RuleOptions) {}

    func visit(_ node: Node, _ context: RuleContext) {
        let file = context.file
        guard let call = file.poolCall(node), call.isPut,
              poolFactFunctions(of: context.ancestors, functionIndices: context.functionAncestorIndices).contains(where: { file.poolFacts(of: $0).unresetPuts.contains(node.startByte) })
        else { return }
        context.report(node, """
            value from Get is modified and put back without a reset: the next Get returns it still \
            holding this use's data (stale bytes or fields, and memory kept alive by the pool); reset it \
            before the Put or right after the Get (b = b[:0], Put(b[:0]), buf.Reset(), *x = T{}, clear(m))
            """)
    }
}
