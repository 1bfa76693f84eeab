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
        if isConstant(argument, file) { return }
        let type = file.type(of: argument)
        let what: String
        let fix: String
        switch file.kind(of: type) {
        case .slice:
            what = "a slice"
            fix = "store a pointer instead: a *[]T (Put(&b), and Get().(*[]T)) or a pointer to a struct holding the slice"
        case .string:
            what = "a string"
            fix = "store a pointer (e.g. to a struct holding the string), or do not pool strings"
        case .array:
            guard file.layout(of: type) == .other else { return }
            what = "an array value"
            fix = "store a pointer to the array (new([N]T), &arr)"
        case .structValue(zeroSize: false):
            guard file.layout(of: type) == .other else { return }
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

    private func isConstant(_ argument: Node, _ file: GoFile) -> Bool {
        switch argument.kind {
        case .interpretedStringLiteral, .rawStringLiteral, .intLiteral, .floatLiteral, .runeLiteral, .imaginaryLiteral:
            return true
        case .identifier:
            return file.resolve(argument)?.kind.isConstant ?? false
        default:
            return false
        }
    }
}
