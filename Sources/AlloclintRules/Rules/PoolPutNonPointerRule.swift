import AlloclintAnalysis
import AlloclintSyntax

/// `pool-put-non-pointer`: `p.Put(x)` on a sync.Pool where x is evidently not pointer-shaped (a
/// slice, string, array or struct value). Put takes `any`: converting such a value allocates a copy
/// of it (`runtime.convT*`) on every Put, which defeats the pool (staticcheck SA6002).
struct PoolPutNonPointerRule: Rule {
    static let id = "pool-put-non-pointer"
    static let kinds: [NodeKind] = [.callExpression]

    init(options: RuleOptions) {}

    func visit(_ node: Node, _ context: RuleContext) {
        let file = context.file
        guard let call = file.poolCall(node), call.isPut, let argument = call.argument else { return }
        guard case .copies(let kind) = file.boxingCost(of: argument) else { return }
        let what: String
        let fix: String
        switch kind {
        case .slice:
            what = "a slice"
            fix = "store a pointer instead: a *[]T (Put(&b), and Get().(*[]T)) or a pointer to a struct holding the slice"
        case .string:
            what = "a string"
            fix = "store a pointer (e.g. to a struct holding the string), or do not pool strings"
        case .array:
            what = "an array value"
            fix = "store a pointer to the array (new([N]T), &arr)"
        case .structValue:
            what = "a struct value"
            fix = "store a pointer to the struct (&T{} / new(T)) and Get().(*T)"
        default:
            return
        }
        context.report(call.argument ?? node, """
            sync.Pool.Put of \(what): converting it to `any` heap-allocates a copy on every Put, \
            which costs what the pool was meant to save (SA6002); \(fix)
            """)
    }
}
